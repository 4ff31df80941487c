"""Every learning-rate scheduler in torch.optim.lr_scheduler, run for five steps."""

# --8<-- [start:every_scheduler]
import torch
from torch.optim import lr_scheduler as S

examples = {  # name: how to build it on an optimizer o (base lr 0.1)
    "LambdaLR": lambda o: S.LambdaLR(o, lr_lambda=lambda epoch: 1 / (epoch + 1)),
    "MultiplicativeLR": lambda o: S.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.9),
    "StepLR": lambda o: S.StepLR(o, step_size=2, gamma=0.5),
    "MultiStepLR": lambda o: S.MultiStepLR(o, milestones=[1, 3], gamma=0.5),
    "ConstantLR": lambda o: S.ConstantLR(o, factor=0.5, total_iters=2),
    "LinearLR": lambda o: S.LinearLR(o, start_factor=0.25, total_iters=3),
    "ExponentialLR": lambda o: S.ExponentialLR(o, gamma=0.9),
    "PolynomialLR": lambda o: S.PolynomialLR(o, total_iters=4, power=2.0),
    "CosineAnnealingLR": lambda o: S.CosineAnnealingLR(o, T_max=4),
    "CosineAnnealingWarmRestarts": lambda o: S.CosineAnnealingWarmRestarts(o, T_0=2),
    "CyclicLR": lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2),
    "OneCycleLR": lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=5),
    "SequentialLR": lambda o: S.SequentialLR(  # warm-up, then decay
        o,
        [S.LinearLR(o, start_factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.9)],
        milestones=[2],
    ),
    "ChainedScheduler": lambda o: S.ChainedScheduler(  # both at once: factors multiply
        [S.ConstantLR(o, factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.9)]
    ),
    "ReduceLROnPlateau": lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=0),
}
for name, make in examples.items():
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
    sched = make(opt)
    lrs = []
    for _ in range(5):  # epochs
        lrs.append(f"{sched.get_last_lr()[0]:.4f}")
        opt.step()
        if isinstance(sched, S.ReduceLROnPlateau):
            sched.step(1.0)  # it needs a metric: here a validation loss that never improves
        else:
            sched.step()
    print(f"{name:27}", " ".join(lrs))

found = {
    n
    for n in dir(S)
    if not n.startswith("_")
    and isinstance(getattr(S, n), type)
    and issubclass(getattr(S, n), (S.LRScheduler, S.ReduceLROnPlateau))
} - {"LRScheduler"}
print("all schedulers covered:", found == set(examples))
# --8<-- [end:every_scheduler]
