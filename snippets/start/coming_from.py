"""Coming from NumPy or TensorFlow/Keras: the PyTorch names for what you know."""

# --8<-- [start:np_create]
import numpy as np
import torch

a = np.array([1.7, -2.7])
t = torch.tensor([1.7, -2.7])
print(a.dtype, t.dtype)  # default float: float64 vs float32
print(np.array([1, 2]).dtype, torch.tensor([1, 2]).dtype)
print(a.astype(np.int64), t.to(torch.int64))  # astype -> to; both truncate toward zero
print(t.long().dtype, t.double().dtype, t.half().dtype)  # shorthands for .to(...)
# --8<-- [end:np_create]

# --8<-- [start:axis_dim]
import numpy as np
import torch

a = np.arange(6).reshape(2, 3)
t = torch.arange(6).reshape(2, 3)
print(a.sum(axis=0), t.sum(dim=0), t.sum(axis=0))  # axis= is accepted as an alias
print(a.argmax(axis=1), t.argmax(dim=1))
print(t.max(dim=1))  # with dim, max returns values and indices
# --8<-- [end:axis_dim]

# --8<-- [start:reshape]
import numpy as np
import torch

a = np.zeros((2, 3, 4))
t = torch.zeros(2, 3, 4)
print(a.shape, t.shape, t.size())  # t.shape and t.size() are the same
print(a.reshape(6, 4).shape, t.reshape(6, 4).shape)
print(np.transpose(a, (2, 0, 1)).shape, t.permute(2, 0, 1).shape)
print(np.expand_dims(a, 0).shape, t.unsqueeze(0).shape)
print(np.concatenate([a, a]).shape, torch.cat([t, t]).shape)
# --8<-- [end:reshape]

# --8<-- [start:shared_memory]
import numpy as np
import torch

a = np.zeros(3)
shared = torch.from_numpy(a)  # same memory as a
copied = torch.tensor(a)  # a copy
a[0] = 7
print(shared, copied)
shared.numpy()[1] = 5  # .numpy() shares memory too
print(a)
# --8<-- [end:shared_memory]

# --8<-- [start:keras_sequential]
import torch
from torch import nn

# Keras: keras.Sequential([keras.Input((4,)), Dense(16, activation="relu"), Dense(3)])
model = nn.Sequential(
    nn.Linear(4, 16),  # Dense(16): the input size is given explicitly
    nn.ReLU(),  # activation="relu" is a layer of its own
    nn.Linear(16, 3),
)
print(model)
print(model(torch.zeros(8, 4)).shape)
# --8<-- [end:keras_sequential]

# --8<-- [start:keras_batchnorm]
import torch
from torch import nn

# Keras: BatchNormalization() has momentum=0.99, epsilon=1e-3
bn = nn.BatchNorm1d(3, momentum=0.01, eps=1e-3)  # the same layer in PyTorch
print(nn.BatchNorm1d(3))  # PyTorch's own defaults differ: eps=1e-05, momentum=0.1
torch.manual_seed(0)
x = torch.randn(8, 3)
bn(x)  # training mode: one update of the running mean
keras_update = 0.99 * torch.zeros(3) + (1 - 0.99) * x.mean(dim=0)  # Keras' moving average
print(torch.allclose(bn.running_mean, keras_update))
# --8<-- [end:keras_batchnorm]

# --8<-- [start:conv_channels_first]
import torch
from torch import nn

# Keras: Conv2D(8, 3) on images of shape (batch, 28, 28, 1), channels last
conv = nn.Conv2d(in_channels=1, out_channels=8, kernel_size=3)
images_nhwc = torch.zeros(5, 28, 28, 1)
images_nchw = images_nhwc.permute(0, 3, 1, 2)  # PyTorch wants channels first
print(images_nchw.shape)
print(conv(images_nchw).shape)
# --8<-- [end:conv_channels_first]

# --8<-- [start:gradient_tape]
import torch

# TF: with tf.GradientTape() as tape: y = x**2   then   tape.gradient(y, x)
x = torch.tensor(3.0, requires_grad=True)  # like a tf.Variable: recorded
y = x**2
y.backward()  # d(y)/dx, stored in x.grad
print(x.grad)
w = torch.tensor(2.0, requires_grad=True)
print(torch.autograd.grad(w**3, w))  # returns gradients, as tape.gradient does
# --8<-- [end:gradient_tape]


# --8<-- [start:fit_function]
def fit(model, loader, loss_fn, optimizer, epochs):
    """What Keras' model.fit does, written out; returns the loss per epoch."""
    history = []
    for _ in range(epochs):
        model.train()
        total = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)
        history.append(round(total / len(loader.dataset), 3))
    return history
    # --8<-- [end:fit_function]


# --8<-- [start:fit_use]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(256, 4)
y = (X[:, 0] > X[:, 1]).long()  # 2 classes
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)  # tf.data
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
loss_fn = nn.CrossEntropyLoss()  # sparse_categorical_crossentropy(from_logits=True)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)  # compile(optimizer=...)
history = fit(model, loader, loss_fn, optimizer, epochs=5)
print(history)
# --8<-- [end:fit_use]

# --8<-- [start:predict]
model.eval()  # Keras: model.predict(X) / model.evaluate(X, y)
with torch.no_grad():
    predictions = model(X).argmax(dim=1)
print(predictions[:8])
print(f"accuracy {(predictions == y).float().mean().item():.2f}")
# --8<-- [end:predict]
