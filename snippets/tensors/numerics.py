"""Numerics: clamp/clip, nan and inf, isclose/allclose tolerances, logsumexp, torch.special."""

# --8<-- [start:clamp_tensor_bounds]
import torch

x = torch.tensor([[-2.0, 0.5, 3.0], [0.2, 4.0, -1.0]])
low = torch.tensor([0.0, 0.0, -0.5])  # one bound per column, broadcast over rows
high = torch.tensor([1.0, 2.0, 0.5])
print(torch.clamp(x, min=low, max=high))
print(torch.equal(torch.clip(x, -1, 1), x.clamp(-1, 1)))  # clip is another name for clamp
print(torch.clamp(torch.tensor([0.0, 5.0]), min=3, max=1))  # min > max: everything becomes max
# --8<-- [end:clamp_tensor_bounds]

# --8<-- [start:clamp_grad]
import torch

w = torch.tensor([-2.0, 0.5, 3.0], requires_grad=True)
w.clamp(-1, 1).sum().backward()
print(w.grad)  # no gradient where the value was clamped
# --8<-- [end:clamp_grad]

# --8<-- [start:nan_inf_checks]
import torch

x = torch.tensor([1.0, float("nan"), float("inf"), -float("inf"), 3.0])
print(x.isnan())
print(x.isinf(), x.isposinf().sum().item())
print(x.isfinite())  # neither nan nor +-inf
print(bool(x.isfinite().all()))  # the check to run on a loss or on gradients
print(x[1] == x[1])  # nan is not equal to itself
finite_or_nan = x[[0, 1, 4]]
print(torch.nansum(finite_or_nan), torch.nanmean(finite_or_nan))  # skip nans (not infs)
# --8<-- [end:nan_inf_checks]

# --8<-- [start:nan_to_num]
import torch

x = torch.tensor([float("nan"), float("inf"), -float("inf"), 1.0])
print(torch.nan_to_num(x))  # inf becomes the largest float32, not a "safe" number
print(torch.nan_to_num(x) * 2)  # ... and overflows back to inf at the next step
print(torch.nan_to_num(x, nan=0.0, posinf=1e4, neginf=-1e4))  # choose the values
# --8<-- [end:nan_to_num]

# --8<-- [start:isclose_rule]
import torch

a = torch.tensor([1.0, 100.0, 0.0])
b = torch.tensor([1.00002, 100.0005, 1e-9])
rtol, atol = 1e-5, 1e-8  # the defaults of isclose and allclose
print(torch.isclose(a, b))
print((a - b).abs() <= atol + rtol * b.abs())  # the rule: b is the reference
print(torch.isclose(torch.tensor(1.0), torch.tensor(2.0), rtol=0.5))  # |1 - 2| <= 0.5 * 2
print(torch.isclose(torch.tensor(2.0), torch.tensor(1.0), rtol=0.5))  # |2 - 1| > 0.5 * 1
# --8<-- [end:isclose_rule]

# --8<-- [start:isclose_defaults_mislead]
import torch

grad_a = torch.tensor([1e-10, 2e-10])  # tiny values: all of them lie within atol=1e-8
grad_b = torch.tensor([9e-10, -5e-10])  # 9x larger, and of the other sign
print(torch.allclose(grad_a, grad_b))  # True: atol swamps numbers this small
print(torch.allclose(grad_a, grad_b, atol=0.0))  # compare relative error only
print(torch.allclose(grad_a * 1e10, grad_b * 1e10))  # or rescale to order 1
print(torch.allclose(torch.tensor(1e6), torch.tensor(1e6 + 9)))  # rtol: 10 units of slack at 1e6
# --8<-- [end:isclose_defaults_mislead]

# --8<-- [start:assert_close]
import torch

expected = torch.tensor([1.0, 2.0, 3.0])
actual = torch.tensor([1.0, 2.0, 3.001])
try:
    torch.testing.assert_close(actual, expected)  # dtype-aware defaults, a readable report
except AssertionError as e:
    print(e)
torch.testing.assert_close(actual, expected, rtol=1e-3, atol=0.0)  # passes: nothing printed
# --8<-- [end:assert_close]

# --8<-- [start:equal_nan]
import torch

a = torch.tensor([1.0, float("nan")])
print(torch.allclose(a, a))  # nan is never close to anything ...
print(torch.allclose(a, a, equal_nan=True))  # ... unless you say so
print(torch.equal(a, a))
# --8<-- [end:equal_nan]

# --8<-- [start:expit_logit]
import torch

p = torch.tensor([0.0, 0.5, 1.0])
print(torch.special.logit(p))  # log(p / (1 - p)): infinite at 0 and 1
print(torch.special.logit(p, eps=1e-6))  # clamps p to [eps, 1 - eps] first
z = torch.tensor([-3.0, 0.0, 3.0])
print(torch.special.expit(z))  # expit is the sigmoid, the inverse of logit
print(torch.allclose(torch.special.logit(torch.special.expit(z)), z, atol=1e-5))
# --8<-- [end:expit_logit]

# --8<-- [start:log1p_expm1]
import torch

x = torch.tensor([1e-8, 1e-4])  # float32
print(torch.log(1 + x))  # 1 + 1e-8 rounds to 1: the answer is lost
print(torch.log1p(x))  # log(1 + x) without forming 1 + x
print(torch.exp(x) - 1)
print(torch.expm1(x))  # exp(x) - 1, accurate near 0
# --8<-- [end:log1p_expm1]

# --8<-- [start:logsumexp]
import torch

x = torch.tensor([1000.0, 1000.0, 999.0])  # e.g. log-likelihoods or logits
print(torch.log(torch.exp(x).sum()))  # exp(1000) overflows float32: inf
print(torch.round(torch.logsumexp(x, dim=0), decimals=3))  # the same quantity, finite
m = x.max()
print(torch.allclose(torch.logsumexp(x, dim=0), m + torch.log(torch.exp(x - m).sum())))  # how
low = torch.tensor([-1000.0, -1000.0])
print(torch.log(torch.exp(low).sum()), torch.round(torch.logsumexp(low, dim=0), decimals=3))
logits = torch.tensor([[2.0, 1.0, 0.1]])
print(torch.allclose(logits - logits.logsumexp(dim=1, keepdim=True), logits.log_softmax(dim=1)))
# --8<-- [end:logsumexp]

# --8<-- [start:xlogy_entropy]
import torch

p = torch.tensor([0.0, 0.5, 0.5])  # a distribution with a zero probability
print(-(p * p.log()).sum())  # 0 * log(0) = 0 * -inf = nan
print(-torch.special.xlogy(p, p).sum())  # xlogy(x, y) = x * log(y), and 0 where x == 0
print(torch.special.entr(p))  # -p * log(p) element-wise, 0 at p == 0
# --8<-- [end:xlogy_entropy]

# --8<-- [start:erf_gammaln]
import math

import torch

x = torch.tensor([0.0, 1.0, 2.0])
print(torch.special.erf(x))
cdf = 0.5 * (1 + torch.special.erf(x / math.sqrt(2)))  # standard normal CDF ...
print(torch.allclose(cdf, torch.special.ndtr(x)))  # ... which ndtr computes directly
n = torch.tensor([5.0, 20.0, 200.0])
print(torch.special.gammaln(n + 1))  # log(n!), no overflow
print(torch.exp(torch.special.gammaln(n + 1)))  # n! itself: 200! is beyond float32
print(round(math.lgamma(201), 2))
# --8<-- [end:erf_gammaln]
