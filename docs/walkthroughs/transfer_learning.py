# %% [markdown]
# # Transfer learning
#
# Reuse torchvision's ResNet-18 for a new two-class problem: freeze the backbone, replace the head,
# train the head on extracted features, then fine-tune the last block with its own, smaller
# learning rate.

# %% [markdown]
# > **Offline build: random weights here, pretrained weights in your code.**
# > Transfer learning starts from **pretrained** weights. In your code, write
# > `resnet18(weights=ResNet18_Weights.DEFAULT)`: the first call downloads the ImageNet weights
# > (about 45 MB) into the torch hub cache, later calls load them from there. This page is built
# > without network access, so it calls `resnet18(weights=None)`, which builds the same network
# > with random weights. Every step below (freezing, new head, parameter groups, features) works
# > the same way; only the accuracy you reach on real images depends on the pretrained weights.
# >
# > With random weights the backbone has learned nothing, so the task below is one that even
# > random convolutions can solve: telling red objects from blue ones. Pretrained features also
# > separate shapes, textures and objects.

# %% [markdown]
# ## 1. A tiny image dataset
#
# 32×32 RGB images on a blotchy gray background, each with one disk or square of random size and
# place. The class is the object's color, red or blue, with some random variation in shade. Images
# are `float32` tensors `(3, 32, 32)` in [0, 1].

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchvision.models import ResNet18_Weights, resnet18
from torchvision.models.feature_extraction import create_feature_extractor
from torchvision.transforms import v2

torch.manual_seed(0)
CLASSES = ["red", "blue"]
BASE_COLORS = torch.tensor([[0.85, 0.2, 0.15], [0.15, 0.3, 0.85]])


def make_images(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    noise = torch.rand(n, 1, 8, 8) * 0.3 + 0.35  # gray blotches of 4x4 pixels
    images = noise.repeat_interleave(4, dim=2).repeat_interleave(4, dim=3).repeat(1, 3, 1, 1)
    labels = torch.randperm(n) % 2  # as many of each class, in random order
    yy, xx = torch.meshgrid(torch.arange(32.0), torch.arange(32.0), indexing="ij")
    for img, label in zip(images, labels, strict=True):
        cy, cx = torch.randint(9, 23, (2,)).tolist()
        r = torch.randint(5, 9, ()).item()
        if torch.rand(()) < 0.5:
            mask = (yy - cy) ** 2 + (xx - cx) ** 2 <= r**2  # disk
        else:
            mask = ((yy - cy).abs() <= r) & ((xx - cx).abs() <= r)  # square
        color = (BASE_COLORS[label] + 0.12 * torch.randn(3)).clamp(0, 1)
        img[:, mask] = color[:, None]
    return images, labels


train_images, train_labels = make_images(96)
val_images, val_labels = make_images(64)
print(train_images.shape, train_images.dtype, "class counts:", train_labels.bincount().tolist())

fig, axes = plt.subplots(1, 8, figsize=(6, 1.2), dpi=100)
for ax, img, label in zip(axes, train_images, train_labels, strict=False):
    ax.imshow(img.permute(1, 2, 0).numpy(), interpolation="nearest")  # CHW -> HWC
    ax.set_title(CLASSES[label], fontsize=8)
    ax.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. The pretrained model and its transforms
#
# Each weights enum carries the preprocessing its network was trained with:
# `weights.transforms()` resizes to 256, crops 224 and normalizes with the ImageNet mean and
# standard deviation. Use it for real photos. Our images are already small and square, so we skip
# the resize (32×32 keeps this page fast; ResNet-18 accepts other sizes too, thanks to its adaptive
# average pooling) and reuse only the normalization, with the same numbers.

# %%
weights = ResNet18_Weights.DEFAULT
preprocess = weights.transforms()
print(weights, "-", len(weights.meta["categories"]), "ImageNet classes")
print(preprocess)

normalize = v2.Normalize(mean=preprocess.mean, std=preprocess.std)
train_x, val_x = normalize(train_images), normalize(val_images)

model = resnet18(weights=None)  # in your code: resnet18(weights=weights)
print("original head:", model.fc)

# %% [markdown]
# ## 3. Freeze the backbone, replace the head
#
# `requires_grad_(False)` freezes every parameter. The new `fc` layer, created afterwards, is
# trainable: it maps the 512 features to our 2 classes. Freeze first, then replace; the other way
# round freezes the new head as well.
#
# Batch normalization layers also keep running statistics, which `train()` mode would keep
# updating even with frozen parameters. A frozen backbone therefore stays in `eval()` mode.

# %%
model.requires_grad_(False)
model.fc = nn.Linear(model.fc.in_features, len(CLASSES))
model.eval()  # batch-norm statistics stay as they are

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(f"trainable {trainable} of {total} parameters")

# %% [markdown]
# ## 4. Extract features once
#
# A frozen backbone gives the same features for an image at every epoch, so we compute them once
# and train the head on those 512-number vectors: much faster than pushing the images through the
# whole network every step. `create_feature_extractor` returns the outputs of named nodes of the
# model's graph; `"flatten"` is the pooled, flattened input of `fc`, and `"layer4"` the last feature
# map before pooling. (Another way: set `model.fc = nn.Identity()`.)

# %%
extractor = create_feature_extractor(model, return_nodes={"layer4": "maps", "flatten": "features"})
with torch.no_grad():
    out = extractor(val_x[:4])
print({name: tuple(t.shape) for name, t in out.items()})

with torch.no_grad():
    train_features = extractor(train_x)["features"]
    val_features = extractor(val_x)["features"]
print("features:", tuple(train_features.shape), tuple(val_features.shape))

# %% [markdown]
# ## 5. Train the head
#
# A plain loop over the cached features; the optimizer only gets the head's parameters. Then the
# real test: the whole model, images in, on the validation images.

# %%
loss_fn = nn.CrossEntropyLoss()
head_optimizer = torch.optim.Adam(model.fc.parameters(), lr=1e-2)
feature_loader = DataLoader(
    TensorDataset(train_features, train_labels), batch_size=32, shuffle=True
)

for epoch in range(40):
    for feats, labels in feature_loader:
        head_optimizer.zero_grad()
        loss = loss_fn(model.fc(feats), labels)
        loss.backward()
        head_optimizer.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}  last batch loss {loss.item():.4f}")


def accuracy(x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


head_acc = accuracy(val_x, val_labels)
print(f"validation accuracy, head only: {head_acc:.3f}")
print("accuracy above 0.9:", head_acc > 0.9)
assert head_acc > 0.9

# %% [markdown]
# ## 6. Fine-tune the last block with parameter groups
#
# Once the head works, unfreeze the last residual block, `layer4`, and train it together with the
# head. Pretrained layers need only small corrections, so they get a learning rate ten times
# smaller than the head: one optimizer, two **parameter groups**, each with its own `lr`. Options
# given outside the list (here `momentum`) apply to every group. SGD with momentum is a classic
# choice for fine-tuning: its steps shrink with the gradients, while Adam's steps are close to `lr`
# in size whatever the scale of the gradients.
#
# The images now go through the network at every step. Batch normalization stays in `eval()` mode
# (its statistics frozen), a common choice when batches are small.

# %%
model.layer4.requires_grad_(True)
optimizer = torch.optim.SGD(
    [
        {"params": model.layer4.parameters(), "lr": 1e-3},
        {"params": model.fc.parameters(), "lr": 1e-2},
    ],
    momentum=0.9,
)
print("learning rates:", [g["lr"] for g in optimizer.param_groups])
print("trainable now:", sum(p.numel() for p in model.parameters() if p.requires_grad))


def train_mode_with_frozen_bn(net):
    net.train()
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


bn_before = model.layer1[0].bn1.running_mean.clone()
image_loader = DataLoader(TensorDataset(train_x, train_labels), batch_size=32, shuffle=True)
train_mode_with_frozen_bn(model)
for images, labels in image_loader:  # one epoch: three steps
    optimizer.zero_grad()
    loss = loss_fn(model(images), labels)
    loss.backward()
    optimizer.step()
    print(f"loss {loss.item():.4f}")

print("batch-norm statistics unchanged:", torch.equal(bn_before, model.layer1[0].bn1.running_mean))
fine_acc = accuracy(val_x, val_labels)
print(f"validation accuracy after fine-tuning: {fine_acc:.3f}")
print("accuracy above 0.9:", fine_acc > 0.9)
assert fine_acc > 0.9

# %% [markdown]
# ## 7. Predict
#
# New images get the same preprocessing (here the normalization; for photos,
# `weights.transforms()`), then `eval()`, no gradients, and a softmax for readable probabilities.

# %%
new_images, new_labels = make_images(4)
model.eval()
with torch.no_grad():
    probs = model(normalize(new_images)).softmax(dim=1)
for p, y in zip(probs, new_labels.tolist(), strict=True):
    print(f"predicted {CLASSES[p.argmax().item()]:4} ({p.max().item():.2f}), true {CLASSES[y]}")
