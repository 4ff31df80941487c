"""A real result: a small CNN on scikit-learn's 8x8 handwritten digits, and a transfer experiment."""

# --8<-- [start:load_split]
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()  # 1,797 real 8x8 scans, shipped inside scikit-learn: no download
X = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16  # (N, 1, 8, 8), 0..1
y = torch.tensor(digits.target)
print(tuple(X.shape), "samples per digit:", y.bincount().tolist())

index = torch.arange(len(y)).numpy()  # split indices, stratified: every digit in every part
train_val, test = train_test_split(index, test_size=0.2, stratify=y, random_state=0)
train, val = train_test_split(train_val, test_size=0.25, stratify=y[train_val], random_state=0)
print("train", len(train), "validation", len(val), "test", len(test))
# --8<-- [end:load_split]

# --8<-- [start:train_cnn]
import copy

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),  # 8 x 4 x 4
    nn.Conv2d(8, 16, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),  # 16 x 2 x 2
    nn.Flatten(),
    nn.Linear(16 * 2 * 2, 10),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def accuracy(model, rows):
    model.eval()
    with torch.no_grad():
        return (model(X[rows]).argmax(1) == y[rows]).float().mean().item()


epochs, train_rows, history, best = 15, torch.as_tensor(train), [], (0.0, 0, None)
for epoch in range(1, epochs + 1):
    model.train()
    for batch in train_rows[torch.randperm(len(train_rows))].split(64):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(X[batch]), y[batch]).backward()
        optimizer.step()
    history.append((accuracy(model, train), accuracy(model, val)))
    if history[-1][1] > best[0]:  # keep the weights of the best epoch on validation
        best = (history[-1][1], epoch, copy.deepcopy(model.state_dict()))
model.load_state_dict(best[2])
print(f"best epoch {best[1]}: validation {best[0]:.3f}, test {accuracy(model, test):.3f}")

fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
ax.plot(range(1, epochs + 1), [h[0] for h in history], label="train")
ax.plot(range(1, epochs + 1), [h[1] for h in history], label="validation")
ax.axvline(best[1], color="gray", linestyle="--", label=f"best epoch ({best[1]})")
ax.set(xlabel="epoch", ylabel="accuracy", title="A small CNN on 8x8 digits")
ax.legend()
fig.savefig("digits-learning-curve.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:train_cnn]

# --8<-- [start:transfer]
import copy

import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target)
index = torch.arange(len(y)).numpy()
train, test = map(
    torch.as_tensor, train_test_split(index, test_size=0.2, stratify=y, random_state=0)
)
old_train, old_test = train[y[train] < 5], test[y[test] < 5]  # digits 0-4: pretraining
new_test = test[y[test] >= 5]  # digits 5-9: the new task


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64, 10),
    )


def fit(model, rows, steps, batch_size, test_rows):  # returns the test accuracy every 10 steps
    optimizer, curve = torch.optim.Adam(model.parameters(), lr=1e-2), []
    for step in range(1, steps + 1):
        batch = rows[torch.randperm(len(rows))[:batch_size]]
        model.train()
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(X[batch]), y[batch]).backward()
        optimizer.step()
        if step % 10 == 0:
            model.eval()
            with torch.no_grad():
                curve.append((model(X[test_rows]).argmax(1) == y[test_rows]).float().mean().item())
    return curve


torch.manual_seed(0)
pretrained = cnn()
print(
    "pretrained, test accuracy on 0-4:", round(fit(pretrained, old_train, 100, 64, old_test)[-1], 3)
)
curves = {"from scratch": [], "fine-tuned from 0-4": []}
per_digit = [train[y[train] == d] for d in range(5, 10)]
for _draw in range(3):  # 3 different draws of 10 labelled samples per new digit
    few = torch.cat([rows[torch.randperm(len(rows))[:10]] for rows in per_digit])
    tuned = copy.deepcopy(pretrained)
    tuned[-1] = nn.Linear(64, 10)  # a new head; the convolutions keep what 0-4 taught them
    curves["fine-tuned from 0-4"].append(fit(tuned, few, 60, 50, new_test))
    curves["from scratch"].append(fit(cnn(), few, 60, 50, new_test))

fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
for name, runs in curves.items():
    mean = torch.tensor(runs).mean(0)
    print(f"{name:19} after 60 steps: {[round(run[-1], 3) for run in runs]}, mean {mean[-1]:.3f}")
    ax.plot(range(10, 61, 10), mean, marker="o", label=name)
ax.set(xlabel="training steps on 50 labelled samples", ylabel="test accuracy on 5-9")
ax.legend()
fig.savefig("digits-transfer.png", bbox_inches="tight")
plt.close(fig)
# --8<-- [end:transfer]
