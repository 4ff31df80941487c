"""Vision transformer: patch embedding, CLS token, positions, a tiny ViT trained on synthetic data."""

# --8<-- [start:patch_embed]
import torch
from torch import nn

patch, d_model = 4, 32
to_patches = nn.Conv2d(3, d_model, kernel_size=patch, stride=patch)  # one output per patch
images = torch.randn(2, 3, 16, 16)  # (batch, channels, height, width)
grid = to_patches(images)
print(grid.shape)  # a 4 x 4 grid of patch embeddings
tokens = grid.flatten(2).transpose(1, 2)  # (batch, patches, d_model), patches row by row
print(tokens.shape)
# --8<-- [end:patch_embed]

# --8<-- [start:patch_embed_unfold]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
patch, d_model = 4, 32
conv = nn.Conv2d(3, d_model, kernel_size=patch, stride=patch)
images = torch.randn(2, 3, 16, 16)
patches = F.unfold(images, kernel_size=patch, stride=patch)  # (batch, 3 * 4 * 4, 16 patches)
patches = patches.transpose(1, 2)  # (batch, 16, 48): each patch flattened as (c, row, col)
linear = nn.Linear(3 * patch * patch, d_model)
with torch.no_grad():
    linear.weight.copy_(conv.weight.reshape(d_model, -1))  # (32, 3, 4, 4) -> (32, 48)
    linear.bias.copy_(conv.bias)
by_conv = conv(images).flatten(2).transpose(1, 2)
print(patches.shape, torch.allclose(by_conv, linear(patches), atol=1e-5))
# --8<-- [end:patch_embed_unfold]

# --8<-- [start:cls_and_positions]
import torch
from torch import nn

batch, n_patches, d_model = 2, 16, 32
tokens = torch.randn(batch, n_patches, d_model)  # from the patch embedding
cls = nn.Parameter(torch.zeros(1, 1, d_model))  # one learned token, shared by all images
pos = nn.Parameter(torch.randn(1, n_patches + 1, d_model) * 0.02)  # + 1: the CLS token has one
x = torch.cat([cls.expand(batch, -1, -1), tokens], dim=1)  # CLS first
x = x + pos
print(x.shape)  # 16 patches + 1
# ... after the encoder, x[:, 0] (the CLS output) goes to the classification head
# --8<-- [end:cls_and_positions]

# --8<-- [start:tiny_vit]
import torch
import torch.nn.functional as F
from torch import nn


class TinyViT(nn.Module):
    def __init__(self, image=8, patch=4, channels=1, d_model=32, classes=4):
        super().__init__()
        n = (image // patch) ** 2  # 4 patches
        self.patch_embed = nn.Conv2d(channels, d_model, kernel_size=patch, stride=patch)
        self.cls = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos = nn.Parameter(torch.randn(1, n + 1, d_model) * 0.2)
        layer = nn.TransformerEncoderLayer(
            d_model, 2, 2 * d_model, dropout=0.0, batch_first=True, norm_first=True
        )
        self.encoder = nn.TransformerEncoder(
            layer, 2, norm=nn.LayerNorm(d_model), enable_nested_tensor=False
        )
        self.head = nn.Linear(d_model, classes)

    def forward(self, images):
        x = self.patch_embed(images).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        return self.head(self.encoder(x)[:, 0])  # classify from the CLS token


def make_batch(n, generator):  # a bright 2 x 2 square; the class is the quadrant it is in
    images = 0.1 * torch.randn(n, 1, 8, 8, generator=generator)
    labels = torch.randint(0, 4, (n,), generator=generator)
    for i, label in enumerate(labels.tolist()):
        top = 4 * (label // 2) + int(torch.randint(0, 3, (1,), generator=generator))
        left = 4 * (label % 2) + int(torch.randint(0, 3, (1,), generator=generator))
        images[i, 0, top : top + 2, left : left + 2] += 1.0
    return images, labels


torch.manual_seed(0)
gen = torch.Generator().manual_seed(0)
model = TinyViT()
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
for step in range(30):
    images, labels = make_batch(32, gen)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    optimizer.step()
    if step % 10 == 0 or step == 29:
        print(f"step {step:2d}  loss {loss.item():.2f}")
images, labels = make_batch(200, gen)  # new images
with torch.no_grad():
    accuracy = (model.eval()(images).argmax(1) == labels).float().mean().item()
print(f"accuracy on new images: {accuracy:.2f}")
# --8<-- [end:tiny_vit]
