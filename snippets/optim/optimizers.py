"""Optimizers: one step of each on the same tiny problem, and every optimizer in torch.optim."""

# --8<-- [start:sgd]
import torch


def after_two_steps(**options):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, **options)
    for _ in range(2):
        opt.zero_grad()
        (w**2).sum().backward()  # gradient 2 * w
        opt.step()
    return [round(v, 4) for v in w.tolist()]


print("plain        ", after_two_steps())  # w <- w - 0.1 * 2w = 0.8 w, twice: 0.64 w
print("momentum     ", after_two_steps(momentum=0.9))
print("nesterov     ", after_two_steps(momentum=0.9, nesterov=True))
print("weight_decay ", after_two_steps(weight_decay=0.5))  # gradient 2w + 0.5w
# --8<-- [end:sgd]

# --8<-- [start:adam]
import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)

(w**2).sum().backward()
print(w.grad)
opt.step()
print(w.detach())  # each coordinate moved by lr, whatever the size of its gradient
# --8<-- [end:adam]

# --8<-- [start:adamw]
import torch


def one_step(cls, weight_decay, **options):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = cls([w], lr=0.1, weight_decay=weight_decay, **options)
    (0 * w).sum().backward()  # zero gradient: only the weight decay acts
    opt.step()
    return [round(v, 4) for v in w.tolist()]


for wd in (0.1, 0.01):
    print(
        f"wd={wd:<4}  Adam {one_step(torch.optim.Adam, wd)}  AdamW {one_step(torch.optim.AdamW, wd)}"
    )
print(
    "Adam(decoupled_weight_decay=True):",
    one_step(torch.optim.Adam, 0.1, decoupled_weight_decay=True),
)
# --8<-- [end:adamw]

# --8<-- [start:adaptive]
import torch

for cls in (torch.optim.RMSprop, torch.optim.Adagrad, torch.optim.Adadelta):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = cls([w])  # default learning rates
    (w**2).sum().backward()
    opt.step()
    print(f"{cls.__name__:8} lr={opt.defaults['lr']:<5} w={[round(v, 4) for v in w.tolist()]}")
# --8<-- [end:adaptive]

# --8<-- [start:every_optimizer]
import torch

target = torch.tensor([[1.0, -2.0], [0.5, 3.0]])
settings = {  # name: (options, needs sparse gradients); lr picked for this toy problem
    "SGD": ({"lr": 0.1}, False),
    "ASGD": ({"lr": 0.1}, False),
    "Adam": ({"lr": 0.5}, False),
    "AdamW": ({"lr": 0.5}, False),
    "Adamax": ({"lr": 0.3}, False),
    "NAdam": ({"lr": 0.3}, False),
    "RAdam": ({"lr": 0.1}, False),
    "Adafactor": ({"lr": 1.0}, False),
    "Adagrad": ({"lr": 1.0}, False),
    "Adadelta": ({"lr": 10.0}, False),
    "RMSprop": ({"lr": 0.1}, False),
    "Rprop": ({"lr": 0.3}, False),
    "LBFGS": ({"lr": 1.0}, False),  # evaluates the closure several times per step
    "Muon": ({"lr": 0.3, "weight_decay": 0.0}, False),  # 2-D parameters only
    "SparseAdam": ({"lr": 0.5}, True),  # sparse gradients only (nn.Embedding(sparse=True))
}


def final_loss(name, options, sparse):
    w = torch.ones(2, 2, requires_grad=True)
    opt = getattr(torch.optim, name)([w], **options)

    def closure():  # every step() accepts one; LBFGS needs it
        opt.zero_grad()
        loss = ((w - target) ** 2).sum()  # 13.25 at the start, 0 at w == target
        loss.backward()
        if sparse:
            w.grad = w.grad.to_sparse()
        return loss

    for _ in range(20):
        opt.step(closure)
    return closure().item()


print(f"{'optimizer':10} {'lr':4}  loss after 20 steps")
for name, (options, sparse) in settings.items():
    print(f"{name:10} {options['lr']:<4}  {final_loss(name, options, sparse):.4f}")

found = {
    n
    for n in dir(torch.optim)
    if isinstance(getattr(torch.optim, n), type)
    and issubclass(getattr(torch.optim, n), torch.optim.Optimizer)
} - {"Optimizer"}
print("all optimizers covered:", found == set(settings))
# --8<-- [end:every_optimizer]
