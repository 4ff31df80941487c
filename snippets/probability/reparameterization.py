"""sample vs rsample: the reparameterisation trick, has_rsample, score-function gradients."""

# --8<-- [start:sample_vs_rsample]
import torch
from torch.distributions import Normal

loc = torch.tensor(1.5, requires_grad=True)
scale = torch.tensor(0.5, requires_grad=True)
d = Normal(loc, scale)
torch.manual_seed(0)
x = d.sample((4,))  # drawn under no_grad: cut off from loc and scale
print(x.requires_grad, x.grad_fn)
try:
    (x**2).mean().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
x = d.rsample((4,))  # loc + scale * noise: differentiable
(x**2).mean().backward()
print(x.grad_fn is not None, loc.grad is not None, scale.grad is not None)
# --8<-- [end:sample_vs_rsample]

# --8<-- [start:trick_by_hand]
import torch
from torch.distributions import Normal

loc = torch.tensor([0.5, -1.0], requires_grad=True)
scale = torch.tensor([1.0, 2.0], requires_grad=True)
torch.manual_seed(0)
x = Normal(loc, scale).rsample((3,))
torch.manual_seed(0)
eps = torch.randn(3, 2)  # the noise carries the randomness and needs no gradient
by_hand = loc + scale * eps  # the parameters enter by plain arithmetic
print(torch.equal(x, by_hand))
grads = torch.autograd.grad(x.sum(), (loc, scale))
grads_by_hand = torch.autograd.grad(by_hand.sum(), (loc, scale))
print(all(torch.equal(a, b) for a, b in zip(grads, grads_by_hand, strict=True)))
print(grads[1], eps.sum(dim=0))  # d(sum x) / d scale = sum of the noise
# --8<-- [end:trick_by_hand]

# --8<-- [start:pathwise_gradient]
import torch
from torch.distributions import Normal

mu = torch.tensor(1.5, requires_grad=True)
sigma = torch.tensor(0.5, requires_grad=True)
torch.manual_seed(0)
x = Normal(mu, sigma).rsample((100_000,))
(x**2).mean().backward()  # Monte-Carlo estimate of E[x^2] = mu^2 + sigma^2
print(round(mu.grad.item(), 2), 2 * mu.item())  # d/dmu = 2 mu
print(round(sigma.grad.item(), 2), 2 * sigma.item())  # d/dsigma = 2 sigma
# --8<-- [end:pathwise_gradient]

# --8<-- [start:has_rsample]
import torch
from torch.distributions import Bernoulli, Categorical, Normal, RelaxedOneHotCategorical

dists = {
    "Normal": Normal(0.0, 1.0),
    "Categorical": Categorical(logits=torch.zeros(3)),
    "Bernoulli": Bernoulli(logits=torch.tensor(0.0)),
    "RelaxedOneHotCategorical": RelaxedOneHotCategorical(torch.tensor(0.5), logits=torch.zeros(3)),
}
for name, d in dists.items():
    print(f"{name:<25}", d.has_rsample)
try:
    dists["Categorical"].rsample()
except NotImplementedError as e:
    print(type(e).__name__, repr(str(e)))  # no message at all
# --8<-- [end:has_rsample]

# --8<-- [start:score_function]
import torch
from torch.distributions import Bernoulli

logit = torch.tensor(0.3, requires_grad=True)
d = Bernoulli(logits=logit)
torch.manual_seed(0)
b = d.sample((100_000,))  # discrete samples: no rsample, no pathwise gradient


def reward(b):
    return 3.0 * b + 1.0 * (1 - b)  # f(1) = 3, f(0) = 1


surrogate = (d.log_prob(b) * reward(b)).mean()  # REINFORCE: E[f(x) * grad log p(x)]
surrogate.backward()
p = torch.sigmoid(logit.detach())
print(round(logit.grad.item(), 2), round((p * (1 - p) * (3.0 - 1.0)).item(), 2))  # estimate, exact
# --8<-- [end:score_function]
