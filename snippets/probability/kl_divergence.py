"""KL divergence: kl_divergence analytic vs Monte-Carlo, Categorical vs F.kl_div, the VAE term."""

# --8<-- [start:kl_normal]
import math

import torch
from torch.distributions import Normal, kl_divergence

p, q = Normal(0.0, 1.0), Normal(1.0, 2.0)
kl = kl_divergence(p, q)  # KL(p || q), the closed form
m1, s1, m2, s2 = 0.0, 1.0, 1.0, 2.0
by_hand = math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
print(round(kl.item(), 4), round(by_hand, 4))
print(round(kl_divergence(q, p).item(), 4))  # not symmetric
print(kl_divergence(p, p))  # 0 for identical distributions
# --8<-- [end:kl_normal]

# --8<-- [start:kl_monte_carlo]
import torch
from torch.distributions import Normal, kl_divergence

p, q = Normal(0.0, 1.0), Normal(1.0, 2.0)
torch.manual_seed(0)
x = p.sample((100_000,))  # samples from p, the first argument
terms = p.log_prob(x) - q.log_prob(x)  # KL(p || q) = E_p[log p(x) - log q(x)]
print(round(terms.mean().item(), 3), round(kl_divergence(p, q).item(), 3))
print(round((terms.std() / len(x) ** 0.5).item(), 4))  # its standard error
# --8<-- [end:kl_monte_carlo]

# --8<-- [start:kl_categorical]
import torch
import torch.nn.functional as F
from torch.distributions import Categorical, kl_divergence

p = Categorical(probs=torch.tensor([0.7, 0.2, 0.1]))  # e.g. the target
q = Categorical(probs=torch.tensor([0.4, 0.4, 0.2]))  # e.g. the model
by_hand = (p.probs * (p.probs.log() - q.probs.log())).sum()
print(round(kl_divergence(p, q).item(), 4), round(by_hand.item(), 4))
right = F.kl_div(q.logits, p.probs, reduction="sum")  # kl_div(input=log q, target=p) = KL(p || q)
wrong = F.kl_div(p.logits, q.probs, reduction="sum")  # arguments swapped: KL(q || p)
print(round(right.item(), 4), round(wrong.item(), 4))
# --8<-- [end:kl_categorical]

# --8<-- [start:kl_vae]
import torch
from torch.distributions import Independent, Normal, kl_divergence

torch.manual_seed(0)
mu, logvar = torch.randn(4, 8), torch.randn(4, 8)  # encoder outputs: batch of 4, 8 latent dims
posterior = Independent(Normal(mu, (0.5 * logvar).exp()), 1)
prior = Independent(Normal(torch.zeros(8), torch.ones(8)), 1)
kl = kl_divergence(posterior, prior)  # one value per sample: summed over the 8 dims
by_hand = -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)  # the VAE paper's formula
print(kl.shape, torch.allclose(kl, by_hand, atol=1e-5))
print(kl_divergence(Normal(mu, (0.5 * logvar).exp()), Normal(0.0, 1.0)).shape)  # per dim
# --8<-- [end:kl_vae]

# --8<-- [start:kl_not_implemented]
import torch
from torch.distributions import Categorical, MixtureSameFamily, Normal, kl_divergence

p = MixtureSameFamily(Categorical(logits=torch.zeros(2)), Normal(torch.tensor([-2.0, 2.0]), 1.0))
q = Normal(0.0, 2.0)
try:
    kl_divergence(p, q)  # no closed form for this pair
except NotImplementedError as e:
    print(type(e).__name__, e)
torch.manual_seed(0)
x = p.sample((100_000,))
print(round((p.log_prob(x) - q.log_prob(x)).mean().item(), 3))  # estimate it instead
# --8<-- [end:kl_not_implemented]
