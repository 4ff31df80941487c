"""Every commonly used torch.distributions class: support, has_rsample, shapes and mean."""

# --8<-- [start:continuous]
import re

import torch
import torch.distributions as D


def row(d):
    try:
        m = d.mean
        mean = ", ".join(f"{v:.4g}" for v in m.flatten().tolist())
        mean = mean if m.dim() == 0 else f"[{mean}]"
    except NotImplementedError:
        mean = "not implemented"
    support = re.sub(r"\w+_bound=", "", str(d.support))  # drop "lower_bound=" and "upper_bound="
    batch, event = str(tuple(d.batch_shape)), str(tuple(d.event_shape))
    print(f"{type(d).__name__:<26}{d.has_rsample!s:<8}{batch:<7}{event:<7}{mean:<17}{support}")


print(f"{'distribution':<26}{'rsample':<8}{'batch':<7}{'event':<7}{'mean':<17}support")
row(D.Normal(loc=1.0, scale=2.0))
row(D.LogNormal(loc=0.0, scale=1.0))
row(D.HalfNormal(scale=1.0))
row(D.Uniform(low=0.0, high=2.0))
row(D.Exponential(rate=2.0))
row(D.Gamma(concentration=2.0, rate=4.0))
row(D.Chi2(df=4.0))
row(D.Beta(2.0, 3.0))
row(D.Laplace(loc=0.0, scale=1.0))
row(D.Cauchy(loc=0.0, scale=1.0))
row(D.StudentT(df=3.0))
row(D.Gumbel(loc=0.0, scale=1.0))
row(D.Weibull(scale=1.0, concentration=2.0))
row(D.Pareto(scale=1.0, alpha=3.0))
row(D.Kumaraswamy(2.0, 3.0))
row(D.ContinuousBernoulli(probs=0.3))
row(D.VonMises(loc=0.5, concentration=2.0))
# --8<-- [end:continuous]

# --8<-- [start:discrete]
import re

import torch
import torch.distributions as D


def row(d):
    try:
        m = d.mean
        mean = ", ".join(f"{v:.4g}" for v in m.flatten().tolist())
        mean = mean if m.dim() == 0 else f"[{mean}]"
    except NotImplementedError:
        mean = "not implemented"
    support = re.sub(r"\w+_bound=", "", str(d.support))  # drop "lower_bound=" and "upper_bound="
    batch, event = str(tuple(d.batch_shape)), str(tuple(d.event_shape))
    print(f"{type(d).__name__:<26}{d.has_rsample!s:<8}{batch:<7}{event:<7}{mean:<17}{support}")


p = torch.tensor([0.2, 0.3, 0.5])
print(f"{'distribution':<26}{'rsample':<8}{'batch':<7}{'event':<7}{'mean':<17}support")
row(D.Bernoulli(probs=0.3))
row(D.Binomial(total_count=10, probs=0.3))
row(D.Geometric(probs=0.25))  # failures before the first success
row(D.NegativeBinomial(total_count=6, probs=0.25))
row(D.Poisson(rate=4.0))
row(D.Categorical(probs=p))  # labels 0, 1, 2: no mean
row(D.OneHotCategorical(probs=p))
row(D.Multinomial(total_count=10, probs=p))
row(D.RelaxedBernoulli(temperature=0.5, probs=0.3))  # continuous relaxations
row(D.RelaxedOneHotCategorical(temperature=0.5, probs=p))
# --8<-- [end:discrete]

# --8<-- [start:multivariate]
import re

import torch
import torch.distributions as D


def row(d):
    try:
        m = d.mean
        mean = ", ".join(f"{v:.4g}" for v in m.flatten().tolist())
        mean = mean if m.dim() == 0 else f"[{mean}]"
    except NotImplementedError:
        mean = "not implemented"
    support = re.sub(r"\w+_bound=", "", str(d.support))  # drop "lower_bound=" and "upper_bound="
    batch, event = str(tuple(d.batch_shape)), str(tuple(d.event_shape))
    print(f"{type(d).__name__:<26}{d.has_rsample!s:<8}{batch:<7}{event:<7}{mean:<17}{support}")


loc, cov = torch.tensor([1.0, -1.0]), torch.tensor([[2.0, 0.5], [0.5, 1.0]])
print(f"{'distribution':<26}{'rsample':<8}{'batch':<7}{'event':<7}{'mean':<17}support")
row(D.MultivariateNormal(loc, covariance_matrix=cov))
row(
    D.LowRankMultivariateNormal(torch.zeros(3), cov_factor=torch.ones(3, 1), cov_diag=torch.ones(3))
)
row(D.Dirichlet(torch.tensor([1.0, 2.0, 2.0])))
row(D.LogisticNormal(torch.zeros(2), torch.ones(2)))  # 2 parameters, 3 probabilities
normals = D.Normal(torch.tensor([0.0, 1.0, 2.0]), 1.0)  # a batch of 3 scalars
row(normals)
row(D.Independent(normals, 1))  # one event of 3 values
mix = D.Categorical(probs=torch.tensor([0.5, 0.5]))
row(D.MixtureSameFamily(mix, D.Normal(torch.tensor([-1.0, 3.0]), 1.0)))
row(D.TransformedDistribution(D.Normal(0.0, 1.0), [D.ExpTransform()]))  # a LogNormal
# --8<-- [end:multivariate]
