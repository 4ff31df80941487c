"""Element-wise maths: arithmetic, in-place ops, comparisons, clamp, lerp, broadcasting."""

# --8<-- [start:operators]
import torch

a = torch.tensor([7.0, -7.0, 2.5])
b = torch.tensor([2.0, 2.0, 0.5])
print(a + b, a - b)
print(a * b, a / b)
print(a // b)  # floor division: rounds towards minus infinity
print(a % b)  # remainder takes the sign of b, as in Python
print(a**2, 2**b)
# --8<-- [end:operators]

# --8<-- [start:int_division]
import torch

n = torch.tensor([7, -7])
print(n / 2)  # true division always gives floats
print(n // 2)  # stays integer, floors
print(torch.div(n, 2, rounding_mode="trunc"))  # rounds towards zero, like C
# --8<-- [end:int_division]

# --8<-- [start:functions]
import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([10.0, 20.0, 30.0])
print(torch.add(a, b), a.add(b))  # function and method: same as a + b
print(torch.add(a, b, alpha=0.1))  # a + 0.1 * b
print(torch.sub(b, a), torch.mul(a, 2), torch.div(b, a), torch.pow(a, 2))
# --8<-- [end:functions]

# --8<-- [start:in_place]
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = x.add(1)  # new tensor, x unchanged
x.add_(1)  # trailing underscore: changes x itself
x.mul_(10)
print(y, x)
x += 1  # augmented assignment is in place too
print(x)
# --8<-- [end:in_place]

# --8<-- [start:in_place_leaf]
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w.add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():  # the fix: update parameters outside autograd
    w.add_(1)
print(w)
# --8<-- [end:in_place_leaf]

# --8<-- [start:comparisons]
import torch

x = torch.tensor([1, 5, 3, 5])
print(x.eq(5), x == 5)
print(x.ne(5), x != 5)
print(x.gt(3), x.ge(3))  # x > 3, x >= 3
print(x.lt(3), x.le(3))  # x < 3, x <= 3
print((x >= 3).dtype, (x >= 3).sum())  # bool; summing counts the True values
# --8<-- [end:comparisons]

# --8<-- [start:equal]
import torch

a = torch.tensor([1, 2, 3])
b = torch.tensor([1, 2, 3])
print(a == b)  # element-wise: a tensor
print(torch.equal(a, b))  # whole tensors: one Python bool
try:
    if a == b:
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:equal]

# --8<-- [start:allclose]
import torch

total = torch.tensor([0.1, 0.2], dtype=torch.float64).sum()
print(total == 0.3, total.item())
tenths = torch.full((10,), 0.1).sum()  # float32 has the same problem
print(tenths == 1.0, tenths.item())
print(torch.isclose(total, torch.tensor(0.3, dtype=torch.float64)))
print(torch.allclose(tenths, torch.tensor(1.0)))  # all elements within tolerance
# --8<-- [end:allclose]

# --8<-- [start:clamp]
import torch

x = torch.tensor([-2.0, -0.5, 0.5, 2.0])
print(x.clamp(-1, 1))  # into [-1, 1]
print(x.clamp(min=0))  # only a lower bound: same as relu
print(torch.clamp(x, max=0.0))
# --8<-- [end:clamp]

# --8<-- [start:lerp]
import torch

start = torch.tensor([0.0, 10.0])
end = torch.tensor([10.0, 20.0])
print(torch.lerp(start, end, 0.25))  # start + 0.25 * (end - start)
print(torch.lerp(start, end, torch.tensor([0.0, 1.0])))  # or one weight per element
avg = torch.tensor([1.0, 1.0])  # a moving average of some value
for new in (torch.tensor([3.0, 0.0]), torch.tensor([3.0, 0.0])):
    avg.lerp_(new, 0.1)  # avg = 0.9 * avg + 0.1 * new, in place
print(torch.round(avg, decimals=4))
# --8<-- [end:lerp]

# --8<-- [start:unary]
import torch

x = torch.tensor([-1.0, 0.0, 1.0, 2.0])
print(x.abs(), x.abs().sqrt())
print(torch.round(x.exp(), decimals=4))
print(x.sqrt())  # negative input: nan, no error
print(x.log())  # log(0) = -inf, log(negative) = nan
# --8<-- [end:unary]

# --8<-- [start:log_zero]
import torch

p = torch.tensor([0.0, 0.5, 1.0])  # probabilities, one of them exactly 0
print(p.log())  # -inf poisons every sum it enters
print((p * p.log()).sum())  # 0 * -inf = nan
print(torch.round(p.clamp(min=1e-6).log(), decimals=4))  # a small floor avoids it
# --8<-- [end:log_zero]

# --8<-- [start:broadcast]
import torch

col = torch.tensor([[0], [10], [20]])  # shape (3, 1)
row = torch.tensor([[1, 2, 3, 4]])  # shape (1, 4)
print(col + row)  # both stretched to (3, 4)
x = torch.ones(2, 3)
print((x + torch.tensor([1.0, 2.0, 3.0])).shape)  # (3,) acts as (1, 3)
print((torch.ones(8, 1, 5) + torch.ones(3, 1)).shape)  # (8, 1, 5) with (1, 3, 1)
# --8<-- [end:broadcast]

# --8<-- [start:broadcast_error]
import torch

x = torch.ones(2, 3)
per_row = torch.tensor([1.0, 2.0])  # one value per row, shape (2,)
try:
    y = x * per_row  # trailing dims 3 and 2 do not match
except RuntimeError as e:
    print(type(e).__name__, e)
print(x * per_row.unsqueeze(1))  # (2, 1) broadcasts against (2, 3)
# --8<-- [end:broadcast_error]

# --8<-- [start:broadcast_pitfall]
import torch

pred = torch.tensor([[1.0], [2.0], [3.0]])  # model output: shape (3, 1)
target = torch.tensor([1.0, 2.0, 3.0])  # labels: shape (3,)
diff = pred - target  # (3, 1) - (3,) silently gives (3, 3)
print(diff.shape, diff.pow(2).mean())  # a wrong loss for a perfect model
diff = pred.squeeze(1) - target  # make the shapes match first
print(diff.shape, diff.pow(2).mean())
# --8<-- [end:broadcast_pitfall]
