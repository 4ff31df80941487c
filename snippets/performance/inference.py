"""Inference: eval() + torch.inference_mode(), compiled; what inference tensors cannot do."""

# --8<-- [start:predict]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(16, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 4)
)


@torch.inference_mode()  # no autograd bookkeeping for anything inside
def predict(model, x):
    model.eval()  # dropout off, batch norm uses its running statistics
    return model(x).softmax(dim=1)


x = torch.randn(8, 16)
probs = predict(model, x)
print(probs.shape, probs.requires_grad, probs.is_inference())
print(torch.equal(probs, predict(model, x)))  # eval(): the same input gives the same output
print(predict(model, x[:1]).shape)  # a batch of one works in eval mode
# --8<-- [end:predict]

# --8<-- [start:compiled]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4)).eval()
compiled = torch.compile(model, dynamic=False)  # one batch size: one compiled graph
x = torch.randn(8, 16)
with torch.inference_mode():
    out = compiled(x)  # the first call compiles a forward-only graph
    print(out.shape, out.is_inference())
    print(torch.allclose(out, model(x), atol=1e-6))
    print(torch.allclose(compiled(x), out))  # later calls with the same shape: no compiling
# --8<-- [end:compiled]

# --8<-- [start:inplace_error]
import torch
from torch import nn

model = nn.Linear(3, 2)
with torch.inference_mode():
    logits = model(torch.ones(1, 3))
try:
    logits += 1  # in place, outside inference_mode
except RuntimeError as e:
    print(type(e).__name__, e)
shifted = logits.clone()  # a normal tensor
shifted += 1
print(shifted.is_inference())
# --8<-- [end:inplace_error]

# --8<-- [start:teacher_targets]
import torch
from torch import nn

torch.manual_seed(0)
teacher, student = nn.Linear(4, 2), nn.Linear(4, 2)
x = torch.randn(8, 4)
with torch.inference_mode():
    target = teacher(x)  # an inference tensor
try:
    nn.functional.mse_loss(student(x), target).backward()  # mse_loss saves the target for backward
except RuntimeError as e:
    print(type(e).__name__, str(e).split(". ")[0])
with torch.no_grad():
    target = teacher(x)  # a normal tensor without grad history
nn.functional.mse_loss(student(x), target).backward()
print(student.weight.grad.shape)
# --8<-- [end:teacher_targets]
