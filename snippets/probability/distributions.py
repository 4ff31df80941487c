"""torch.distributions: Normal, Categorical, Bernoulli, Independent; shapes, log_prob, entropy."""

# --8<-- [start:normal_basics]
import math

import torch
from torch.distributions import Normal

d = Normal(loc=1.0, scale=2.0)
x = torch.tensor([0.0, 1.0, 3.0])
by_hand = -((x - 1.0) ** 2) / (2 * 2.0**2) - math.log(2.0) - 0.5 * math.log(2 * math.pi)
print(d.log_prob(x))  # log density of each value
print(torch.allclose(d.log_prob(x), by_hand))
print(round(d.entropy().item(), 4), round(0.5 * math.log(2 * math.pi * math.e * 2.0**2), 4))
print(d.mean, d.stddev, d.cdf(torch.tensor(1.0)))  # the CDF at the mean is 0.5
torch.manual_seed(0)
print(d.sample((3,)))  # 3 draws
# --8<-- [end:normal_basics]

# --8<-- [start:batch_shape]
import torch
from torch.distributions import Normal

d = Normal(loc=torch.tensor([0.0, 10.0, 20.0]), scale=torch.tensor([1.0, 1.0, 5.0]))
print(d.batch_shape, d.event_shape)  # 3 independent 1-D Normals, each over a scalar
torch.manual_seed(0)
print(d.sample().shape)  # one draw of each: batch_shape
print(d.sample((5,)).shape)  # sample_shape + batch_shape + event_shape
print(d.log_prob(torch.tensor([0.0, 10.0, 20.0])))  # one log-density per batch element
print(d.log_prob(torch.zeros(5, 3)).shape)  # values broadcast against the batch
# --8<-- [end:batch_shape]

# --8<-- [start:independent]
import torch
from torch.distributions import Independent, MultivariateNormal, Normal

loc, scale = torch.tensor([0.0, 10.0, 20.0]), torch.tensor([1.0, 1.0, 5.0])
joint = Independent(Normal(loc, scale), reinterpreted_batch_ndims=1)  # one 3-D distribution
print(joint.batch_shape, joint.event_shape)
x = torch.tensor([0.5, 9.0, 22.0])
print(joint.log_prob(x), Normal(loc, scale).log_prob(x).sum())  # the log-probs add up
mvn = MultivariateNormal(loc, scale_tril=torch.diag(scale))  # a diagonal covariance
print(torch.allclose(joint.log_prob(x), mvn.log_prob(x)))
print(
    Independent(Normal(torch.zeros(4, 3), 1.0), 1).log_prob(torch.zeros(4, 3)).shape
)  # one per row
# --8<-- [end:independent]

# --8<-- [start:categorical]
import torch
import torch.nn.functional as F
from torch.distributions import Categorical

logits = torch.tensor([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0]])  # a batch of 2, 3 classes each
d = Categorical(logits=logits)  # from a model's raw scores
print(d.batch_shape, d.event_shape, d.probs.round(decimals=4))
labels = torch.tensor([2, 0])
print(d.log_prob(labels), -F.cross_entropy(logits, labels, reduction="none"))
print(d.entropy())  # log(3) = 1.0986 for the uniform row
torch.manual_seed(0)
print(d.sample((4,)))  # (4, 2): class indices, int64
print(Categorical(probs=torch.tensor([2.0, 1.0, 1.0])).probs)  # probs are normalized for you
# --8<-- [end:categorical]

# --8<-- [start:categorical_positional]
import torch
from torch.distributions import Categorical

logits = torch.tensor([0.5, 1.0, 2.0])  # a model's raw scores
print(Categorical(logits).probs)  # the first positional argument is probs
print(Categorical(logits=logits).probs.round(decimals=4))  # softmax of the logits
# --8<-- [end:categorical_positional]

# --8<-- [start:bernoulli]
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli

logits = torch.tensor([0.0, 2.0, -1.0])
d = Bernoulli(logits=logits)
y = torch.tensor([1.0, 0.0, 0.0])
print(d.probs.round(decimals=4))  # sigmoid(logits)
print(
    torch.allclose(d.log_prob(y), -F.binary_cross_entropy_with_logits(logits, y, reduction="none"))
)
torch.manual_seed(0)
print(d.sample((2,)))  # floats 0. and 1., not bools
# --8<-- [end:bernoulli]

# --8<-- [start:validation_errors]
import torch
from torch.distributions import Bernoulli, Categorical, Normal

try:
    Normal(0.0, -1.0)  # the scale must be positive
except ValueError as e:
    print(type(e).__name__, e)
try:
    Categorical(logits=torch.zeros(3)).log_prob(torch.tensor(3))  # classes are 0, 1, 2
except ValueError as e:
    print(type(e).__name__, e)
try:
    Bernoulli(probs=torch.tensor(0.3)).log_prob(torch.tensor(0.5))  # outcomes are 0 or 1
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:validation_errors]
