"""Plotting with matplotlib: loss curves, predictions vs targets, a confusion matrix, images."""

# --8<-- [start:loss_curve]
import matplotlib.pyplot as plt

# one float per epoch, appended in the training loop with loss.item()
history = {
    "train": [1.9, 1.2, 0.82, 0.6, 0.46, 0.37, 0.31, 0.27, 0.24, 0.22],
    "val": [1.7, 1.15, 0.85, 0.68, 0.6, 0.56, 0.55, 0.56, 0.58, 0.61],
}
fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
for name, values in history.items():
    ax.plot(range(1, len(values) + 1), values, marker=".", label=name)
ax.set(xlabel="epoch", ylabel="loss", title="Loss per epoch")
ax.legend()
fig.tight_layout()
fig.savefig("loss-curve.png")
plt.close(fig)
best = history["val"].index(min(history["val"])) + 1
print("lowest val loss after epoch", best)
# --8<-- [end:loss_curve]

# --8<-- [start:tensor_pitfall]
import matplotlib.pyplot as plt
import torch

w = torch.ones(1, requires_grad=True)
losses = [(w * 0.5**i).sum() for i in range(3)]  # loss tensors, not loss.item()
fig, ax = plt.subplots()
try:
    ax.plot(losses)
except RuntimeError as e:
    print(type(e).__name__, e)
ax.plot([loss.item() for loss in losses])  # floats plot fine
plt.close(fig)
# --8<-- [end:tensor_pitfall]

# --8<-- [start:pred_vs_target]
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
target = torch.rand(50) * 10
pred = target + torch.randn(50)  # stands in for model(X_val).squeeze(1)

r2 = 1 - ((pred - target) ** 2).sum() / ((target - target.mean()) ** 2).sum()
fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
ax.scatter(target.numpy(), pred.numpy(), s=12)
ax.axline((0, 0), slope=1, color="gray", linestyle="--")  # perfect predictions lie here
ax.set(xlabel="target", ylabel="prediction", title=f"R² = {r2:.3f}")
fig.tight_layout()
fig.savefig("pred-vs-target.png")
plt.close(fig)
print(round(r2.item(), 3))
# --8<-- [end:pred_vs_target]

# --8<-- [start:confusion_matrix]
import matplotlib.pyplot as plt
import torch

classes = ["cat", "dog", "bird"]
target = torch.tensor([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
pred = torch.tensor([0, 0, 0, 1, 1, 0, 2, 1, 2, 2, 2, 2])  # e.g. logits.argmax(dim=1)
n = len(classes)
cm = torch.bincount(target * n + pred, minlength=n * n).reshape(n, n)  # rows: true class
print(cm)
print("per-class recall:", (cm.diag() / cm.sum(dim=1)).round(decimals=2))

fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
ax.imshow(cm.numpy(), cmap="Blues")
for i in range(n):
    for j in range(n):
        color = "white" if cm[i, j] > cm.max() / 2 else "black"
        ax.text(j, i, cm[i, j].item(), ha="center", va="center", color=color)
ax.set(xticks=range(n), xticklabels=classes, xlabel="predicted")
ax.set(yticks=range(n), yticklabels=classes, ylabel="true")
fig.tight_layout()
fig.savefig("confusion-matrix.png")
plt.close(fig)
# --8<-- [end:confusion_matrix]

# --8<-- [start:bincount_pitfall]
import torch

target = torch.tensor([0, 1, 1, 0])
pred = torch.tensor([0, 1, 0, 0])  # no sample of class 2 in this batch
n = 3
counts = torch.bincount(target * n + pred)  # only as long as the largest index + 1
print(counts.shape)
try:
    counts.reshape(n, n)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.bincount(target * n + pred, minlength=n * n).reshape(n, n))
# --8<-- [end:bincount_pitfall]

# --8<-- [start:show_images]
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
ramp = torch.linspace(0, 1, 16)
images = torch.rand(4, 3, 1, 1) * (ramp.view(16, 1) + ramp) / 2  # N, C, H, W, in [0, 1]
labels = ["a", "b", "c", "d"]

fig, axes = plt.subplots(1, 4, figsize=(4, 1.4), dpi=100)
for ax, image, label in zip(axes, images, labels, strict=True):
    ax.imshow(image.permute(1, 2, 0).numpy())  # matplotlib wants H, W, C
    ax.set_title(label)
    ax.axis("off")
fig.savefig("images.png")
plt.close(fig)
print(images[0].permute(1, 2, 0).shape)
# --8<-- [end:show_images]
