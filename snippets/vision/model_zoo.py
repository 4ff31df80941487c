"""The torchvision model zoo in tables, read from the weights' metadata: nothing is downloaded."""

# --8<-- [start:classification]
import torchvision
from torchvision import models

names = models.list_models(module=torchvision.models)  # classification only, not its submodules
rows = []
for name in names:
    weights = models.get_model_weights(name).DEFAULT  # reads metadata, downloads nothing
    meta, preprocess = weights.meta, weights.transforms()
    acc1 = meta["_metrics"]["ImageNet-1K"]["acc@1"]
    size = f"{preprocess.resize_size[0]}->{preprocess.crop_size[0]}"
    tag = weights.name.removeprefix("IMAGENET1K_")
    rows.append((acc1, name, tag, meta["num_params"] / 1e6, meta["_ops"], meta["_file_size"], size))

print(len(names), "classification models, sorted by ImageNet-1K top-1 accuracy")
print(f"{'model':<19}{'weights':>12}{'params':>8}{'acc@1':>7}{'GFLOPS':>8}{'MB':>7}  resize->crop")
for acc1, name, tag, params, gflops, mb, size in sorted(rows, reverse=True):
    print(f"{name:<19}{tag:>12}{params:>7.1f}M{acc1:>7.2f}{gflops:>8.2f}{mb:>7.0f}  {size}")
# --8<-- [end:classification]

# --8<-- [start:pareto]
import torchvision
from torchvision import models

zoo = {}
for name in models.list_models(module=torchvision.models):
    meta = models.get_model_weights(name).DEFAULT.meta
    zoo[name] = (meta["_metrics"]["ImageNet-1K"]["acc@1"], meta["_ops"], meta["num_params"])


def front(cost):
    """Models that no other model beats on accuracy at a lower or equal cost, cheapest first."""
    by_cost = sorted(zoo, key=lambda name: (cost(name), -zoo[name][0]))
    best, kept = 0.0, []
    for name in by_cost:
        if zoo[name][0] > best:
            best = zoo[name][0]
            kept.append(name)
    return kept


for label, cost in [("GFLOPS", lambda n: zoo[n][1]), ("params", lambda n: zoo[n][2])]:
    print(f"acc@1 vs {label}: each model beats every one with fewer {label}")
    for name in front(cost):
        acc1, gflops, params = zoo[name]
        print(f"  {name:<19}{acc1:6.2f}  {gflops:7.2f} GFLOPS  {params / 1e6:6.1f}M params")
# --8<-- [end:pareto]

# --8<-- [start:all_weights]
from torchvision import models

for name in ["resnet50", "vit_b_16", "regnet_y_16gf"]:
    enum = models.get_model_weights(name)
    print(f"{name}: DEFAULT is {enum.DEFAULT.name}")
    for weights in enum:  # every set of weights for this model
        meta, crop = weights.meta, weights.transforms().crop_size[0]
        acc1 = meta["_metrics"]["ImageNet-1K"]["acc@1"]
        print(f"  {weights.name:<26}acc@1 {acc1:6.2f}  {meta['_ops']:6.2f} GFLOPS  crop {crop}")
# --8<-- [end:all_weights]

# --8<-- [start:detection]
from torchvision import models

names = models.list_models(module=models.detection)
print(len(names), "detection models, COCO val2017, sorted by box mAP")
print(f"{'model':<38}{'params':>7}{'box':>6}{'mask':>6}{'kp':>6}{'GFLOPS':>8}{'MB':>5}")
rows = []
for name in names:
    meta = models.get_model_weights(name).DEFAULT.meta
    scores = meta["_metrics"]["COCO-val2017"]
    maps = [scores.get(key) for key in ("box_map", "mask_map", "kp_map")]
    rows.append((maps, name, meta["num_params"] / 1e6, meta["_ops"], meta["_file_size"]))
for maps, name, params, gflops, mb in sorted(rows, reverse=True):
    box, mask, kp = (f"{m:6.1f}" if m is not None else f"{'-':>6}" for m in maps)
    print(f"{name:<38}{params:>6.1f}M{box}{mask}{kp}{gflops:>8.1f}{mb:>5.0f}")
print(models.get_model_weights("fasterrcnn_resnet50_fpn").DEFAULT.transforms())
# --8<-- [end:detection]

# --8<-- [start:segmentation]
from torchvision import models

names = models.list_models(module=models.segmentation)
print(len(names), "segmentation models, COCO val2017 on the 20 VOC classes, sorted by mIoU")
print(f"{'model':<30}{'params':>7}{'mIoU':>6}{'pixel acc':>10}{'GFLOPS':>8}{'MB':>5}  resize")
rows = []
for name in names:
    weights = models.get_model_weights(name).DEFAULT
    meta, resize = weights.meta, weights.transforms().resize_size
    scores = meta["_metrics"]["COCO-val2017-VOC-labels"]
    row = (scores["miou"], name, scores["pixel_acc"], meta["num_params"] / 1e6, meta["_ops"])
    rows.append(row + (meta["_file_size"], resize))
for miou, name, pixel_acc, params, gflops, mb, resize in sorted(rows, reverse=True):
    print(
        f"{name:<30}{params:>6.1f}M{miou:>6.1f}{pixel_acc:>10.1f}{gflops:>8.1f}{mb:>5.0f}  {resize}"
    )
# --8<-- [end:segmentation]

# --8<-- [start:video]
from torchvision import models

names = models.list_models(module=models.video)
print(len(names), "video classification models, Kinetics-400, sorted by acc@1")
print(f"{'model':<13}{'params':>7}{'acc@1':>7}{'GFLOPS':>8}{'MB':>5}  frames  resize -> crop")
rows = []
for name in names:
    weights = models.get_model_weights(name).DEFAULT
    meta, preprocess = weights.meta, weights.transforms()
    frames = meta.get("min_temporal_size", "-")  # the fewest frames the model accepts
    sizes = f"{preprocess.resize_size} -> {preprocess.crop_size}"
    acc1 = meta["_metrics"]["Kinetics-400"]["acc@1"]
    rows.append(
        (acc1, name, meta["num_params"] / 1e6, meta["_ops"], meta["_file_size"], frames, sizes)
    )
for acc1, name, params, gflops, mb, frames, sizes in sorted(rows, reverse=True):
    print(f"{name:<13}{params:>6.1f}M{acc1:>7.2f}{gflops:>8.1f}{mb:>5.0f}  {frames:>6}  {sizes}")
# --8<-- [end:video]

# --8<-- [start:optical_flow]
from torchvision import models

for name in models.list_models(module=models.optical_flow):
    weights = models.get_model_weights(name).DEFAULT
    meta = weights.meta
    print(f"{name}: {weights.name}, {meta['num_params'] / 1e6:.2f}M params, "
          f"{meta['_ops']:.1f} GFLOPS, {meta['_file_size']:.1f} MB, min_size {meta['min_size']}")  # fmt: skip
    for benchmark, scores in meta["_metrics"].items():
        print(f"  {benchmark:<22}", scores)
# --8<-- [end:optical_flow]

# --8<-- [start:load_picked]
import torch
from torchvision import models

name = "resnet18"  # the name picked from a table, e.g. "convnext_tiny"
weights = models.get_model_weights(name).DEFAULT
model = models.get_model(name, weights="DEFAULT").eval()  # downloads once, then cached
preprocess = weights.transforms()
print(weights, sum(p.numel() for p in model.parameters()) == weights.meta["num_params"])

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 300, 400), dtype=torch.uint8)  # your image here
batch = preprocess(image).unsqueeze(0)
with torch.inference_mode():
    logits = model(batch)
print(tuple(batch.shape), tuple(logits.shape))
# --8<-- [end:load_picked]
