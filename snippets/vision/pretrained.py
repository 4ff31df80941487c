"""Pretrained models and their transforms: weight enums, loading, preprocessing, listing."""

# --8<-- [start:weights_enum]
from torchvision.models import ResNet18_Weights

weights = ResNet18_Weights.DEFAULT  # the best weights torchvision has for this model
print(weights)
print(list(ResNet18_Weights))  # every set of weights for resnet18
print(weights.url.rsplit("/", 1)[-1])  # the file downloaded on first use
print(len(weights.meta["categories"]), weights.meta["categories"][:3])
print(weights.meta["num_params"])
# --8<-- [end:weights_enum]

# --8<-- [start:load_weights]
from torchvision import models
from torchvision.models import ResNet18_Weights

model = models.resnet18(weights=ResNet18_Weights.DEFAULT)  # downloads once, then cached
model.eval()  # inference: batch norm uses its running statistics, dropout is off
print(model.fc)
print(sum(p.numel() for p in model.parameters()), model.training)
# --8<-- [end:load_weights]

# --8<-- [start:transforms]
import torch
from torchvision.models import ResNet18_Weights

preprocess = ResNet18_Weights.DEFAULT.transforms()
print(preprocess)

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 300, 400), dtype=torch.uint8)  # uint8 C, H, W: a decoded image
x = preprocess(image)
print(x.shape, x.dtype)
# --8<-- [end:transforms]

# --8<-- [start:float_pitfall]
import torch
from torchvision.models import ResNet18_Weights

preprocess = ResNet18_Weights.DEFAULT.transforms()
torch.manual_seed(0)
image = torch.randint(0, 256, (3, 300, 400), dtype=torch.uint8)

wrong = preprocess(image.float())  # float is taken as already in [0, 1]: not rescaled
right = preprocess(image.float() / 255)  # or pass the uint8 tensor itself
print("max, float 0-255:", round(wrong.max().item(), 1))
print("max, float 0-1:  ", round(right.max().item(), 1))
# --8<-- [end:float_pitfall]

# --8<-- [start:classify]
import torch
from torchvision import models
from torchvision.models import ResNet18_Weights

weights = ResNet18_Weights.DEFAULT
model = models.resnet18(weights=weights).eval()
preprocess = weights.transforms()

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 300, 400), dtype=torch.uint8)  # your image here
batch = preprocess(image).unsqueeze(0)  # the model wants N, C, H, W
with torch.inference_mode():
    probs = model(batch).softmax(dim=1)
index = probs.argmax(dim=1).item()
label = weights.meta["categories"][index]  # a class name such as "goldfish"
print(probs.shape, round(probs.sum().item(), 4), label in weights.meta["categories"])
# --8<-- [end:classify]

# --8<-- [start:list_models]
import torchvision
from torchvision import models

print(len(models.list_models()) > 100)
print(models.list_models(include="resnet*"))
print(models.list_models(module=torchvision.models.segmentation)[:3])
print(models.get_model_weights("mobilenet_v3_small"))
print(models.get_weight("MobileNet_V3_Small_Weights.DEFAULT"))
# --8<-- [end:list_models]

# --8<-- [start:get_model]
from torchvision import models

model = models.get_model("mobilenet_v3_small", weights="DEFAULT")  # a string works too
print(type(model).__name__, model.classifier[-1])
# --8<-- [end:get_model]

# --8<-- [start:other_architectures]
import torch
from torchvision import models

for name in ("efficientnet_b0", "convnext_tiny", "vgg16"):
    weights = models.get_model_weights(name).DEFAULT  # EfficientNet_B0_Weights.DEFAULT, ...
    preprocess = weights.transforms()  # each weights file has its own resize and interpolation
    with torch.device("meta"):  # the architecture only: no memory, no initialization
        model = models.get_model(name)
    head = model.classifier[-1]  # not model.fc, as in ResNet
    print(
        f"{name:15} {weights.meta['num_params']:>11,}  resize {preprocess.resize_size[0]} "
        f"crop {preprocess.crop_size[0]} {preprocess.interpolation.value:8}  "
        f"classifier[-1]: {head.in_features} -> {head.out_features}"
    )
# --8<-- [end:other_architectures]

# --8<-- [start:random_init]
from torchvision import models

model = models.resnet18(weights=None, num_classes=10)  # random weights: nothing is downloaded
print(model.fc)  # models.resnet18() alone: weights=None, 1000 classes
# --8<-- [end:random_init]

# --8<-- [start:num_classes_pitfall]
from torchvision import models
from torchvision.models import ResNet18_Weights

try:
    models.resnet18(weights=ResNet18_Weights.DEFAULT, num_classes=10)
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:num_classes_pitfall]

# --8<-- [start:pretrained_pitfall]
import warnings

from torchvision import models

with warnings.catch_warnings():
    warnings.simplefilter("error")  # turn the warning into an error, so nothing is downloaded
    try:
        models.resnet18(pretrained=True)
    except UserWarning as e:
        print(type(e).__name__, e)
# --8<-- [end:pretrained_pitfall]
