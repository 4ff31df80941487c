"""Reference architectures with their shapes checked: MLP, CNN, LSTM classifier, small U-Net."""

# --8<-- [start:mlp]
import torch
from torch import nn


def mlp(sizes):
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [nn.Linear(n_in, n_out), nn.ReLU()]
    return nn.Sequential(*layers[:-1])  # no activation after the last layer: raw logits


model = mlp([20, 64, 64, 3])
print(model(torch.randn(8, 20)).shape)
print(sum(p.numel() for p in model.parameters()))
# --8<-- [end:mlp]

# --8<-- [start:cnn]
import torch
from torch import nn


class SmallCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),  # 16 x 14 x 14
            nn.Conv2d(16, 32, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),  # 32 x 7 x 7
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(32 * 7 * 7, 128),
            nn.ReLU(),
            nn.Dropout(0.25),
            nn.Linear(128, n_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


model = SmallCNN()
print(model(torch.randn(4, 1, 28, 28)).shape)  # MNIST-sized images -> 10 logits
print(sum(p.numel() for p in model.parameters()))
# --8<-- [end:cnn]

# --8<-- [start:lstm_classifier]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_size, n_classes):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim, padding_idx=0)  # id 0: padding
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, n_classes)

    def forward(self, tokens, lengths):  # (batch, sequence) of token ids, real length of each
        packed = pack_padded_sequence(
            self.embed(tokens), lengths.cpu(), batch_first=True, enforce_sorted=False
        )
        _, (h_n, _) = self.lstm(packed)  # the LSTM stops each sequence at its last real token
        return self.fc(h_n[-1])  # the last layer's hidden state after each last real token


torch.manual_seed(0)
model = LSTMClassifier(vocab_size=1000, embed_dim=32, hidden_size=64, n_classes=4).eval()
lengths = torch.tensor([25, 12, 7, 20])
tokens = torch.zeros(4, 25, dtype=torch.long)  # padded with 0 up to the longest sequence
for row, n in zip(tokens, lengths.tolist(), strict=True):
    row[:n] = torch.randint(1, 1000, (n,))
more_padding = torch.cat([tokens, torch.zeros(4, 15, dtype=torch.long)], dim=1)  # (4, 40)
with torch.no_grad():
    logits = model(tokens, lengths)
    print(logits.shape, sum(p.numel() for p in model.parameters()))
    print("same with more padding:", torch.allclose(logits, model(more_padding, lengths)))
    _, (h_n, _) = model.lstm(model.embed(more_padding))  # without packing: h_n after the padding
    print("without packing, same:", torch.allclose(model.fc(h_n[-1]), logits))
# --8<-- [end:lstm_classifier]

# --8<-- [start:unet]
import torch
from torch import nn


def double_conv(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1),
        nn.ReLU(),
        nn.Conv2d(c_out, c_out, 3, padding=1),
        nn.ReLU(),
    )


class TinyUNet(nn.Module):
    def __init__(self, c_in=1, c_out=1):
        super().__init__()
        self.enc1, self.enc2, self.mid = (
            double_conv(c_in, 8),
            double_conv(8, 16),
            double_conv(16, 32),
        )
        self.pool = nn.MaxPool2d(2)
        self.up2, self.dec2 = nn.ConvTranspose2d(32, 16, 2, stride=2), double_conv(32, 16)
        self.up1, self.dec1 = nn.ConvTranspose2d(16, 8, 2, stride=2), double_conv(16, 8)
        self.head = nn.Conv2d(8, c_out, kernel_size=1)

    def forward(self, x):  # shapes for a 1 x 32 x 32 input
        e1 = self.enc1(x)  # 8 x 32 x 32
        e2 = self.enc2(self.pool(e1))  # 16 x 16 x 16
        m = self.mid(self.pool(e2))  # 32 x 8 x 8
        d2 = self.dec2(torch.cat([self.up2(m), e2], dim=1))  # up to 16 x 16, skip: 32 channels
        d1 = self.dec1(torch.cat([self.up1(d2), e1], dim=1))  # up to 32 x 32, skip: 16 channels
        return self.head(d1)


model = TinyUNet()
print(model(torch.randn(1, 1, 32, 32)).shape)  # one output map per pixel
print(sum(p.numel() for p in model.parameters()))
# --8<-- [end:unet]
