"""torch.fft basics: rfft of a signal, frequencies, round trips, fft2 of an image."""

# --8<-- [start:rfft_sine]
import math

import torch

sample_rate = 100  # samples per second
t = torch.arange(200) / sample_rate  # 2 seconds
x = torch.sin(2 * math.pi * 5 * t) + 0.5 * torch.sin(2 * math.pi * 12 * t)  # 5 Hz and 12 Hz
spectrum = torch.fft.rfft(x)  # real input: only the non-negative frequencies
freqs = torch.fft.rfftfreq(len(x), d=1 / sample_rate)  # the frequency of each bin, in Hz
print(spectrum.shape, spectrum.dtype, freqs.shape)
amplitude = spectrum.abs() * 2 / len(x)  # scale so that a sine of amplitude A shows A
top = amplitude.topk(2)
print(freqs[top.indices], top.values.round(decimals=3))
# --8<-- [end:rfft_sine]

# --8<-- [start:fftfreq]
import torch

n, sample_rate = 8, 100
print(
    torch.fft.fftfreq(n, d=1 / sample_rate)
)  # bins of fft: negative frequencies in the second half
print(torch.fft.rfftfreq(n, d=1 / sample_rate))  # bins of rfft: n // 2 + 1 of them
print(torch.fft.rfftfreq(n))  # without d: cycles per sample, not Hz
print(torch.fft.fft(torch.randn(n)).shape, torch.fft.rfft(torch.randn(n)).shape)
# --8<-- [end:fftfreq]

# --8<-- [start:irfft_roundtrip]
import torch

torch.manual_seed(0)
x = torch.randn(7)  # an odd length
back = torch.fft.irfft(torch.fft.rfft(x))
print(back.shape)  # irfft assumes an even length: 2 * (4 - 1) = 6
back = torch.fft.irfft(torch.fft.rfft(x), n=len(x))
print(back.shape, back.dtype, torch.allclose(back, x, atol=1e-6))
# --8<-- [end:irfft_roundtrip]

# --8<-- [start:low_pass]
import math

import torch

sample_rate = 100
t = torch.arange(200) / sample_rate
slow = torch.sin(2 * math.pi * 5 * t)
x = slow + 0.5 * torch.sin(2 * math.pi * 12 * t)  # a 5 Hz signal with a 12 Hz disturbance
spectrum = torch.fft.rfft(x)
freqs = torch.fft.rfftfreq(len(x), d=1 / sample_rate)
spectrum[freqs > 8] = 0  # drop every bin above 8 Hz
filtered = torch.fft.irfft(spectrum, n=len(x))
print(round((x - slow).abs().max().item(), 3), round((filtered - slow).abs().max().item(), 3))
# --8<-- [end:low_pass]

# --8<-- [start:fft2_image]
import math

import torch

yy, xx = torch.meshgrid(torch.arange(16), torch.arange(16), indexing="ij")
image = torch.cos(2 * math.pi * 2 * xx / 16) + torch.cos(2 * math.pi * 3 * yy / 16)
spectrum = torch.fft.fft2(image)  # over the last two dims: (..., H, W)
print((spectrum.abs() > 1).nonzero().tolist())  # (row, col) frequency bins, negatives wrap around
centered = torch.fft.fftshift(spectrum)  # frequency 0 moved to the middle, (8, 8)
print((centered.abs() > 1).nonzero().tolist())
back = torch.fft.ifft2(spectrum)
print(back.dtype, torch.allclose(back.real, image, atol=1e-5))
print(torch.fft.rfft2(image).shape)  # real input: the last dim halved, 16 // 2 + 1
# --8<-- [end:fft2_image]

# --8<-- [start:fft_convolution]
import torch

torch.manual_seed(0)
a, b = torch.randn(8), torch.randn(8)
via_fft = torch.fft.irfft(torch.fft.rfft(a) * torch.fft.rfft(b), n=8)  # product of spectra
direct = torch.stack([sum(a[j] * b[(i - j) % 8] for j in range(8)) for i in range(8)])
print(torch.allclose(via_fft, direct, atol=1e-5))  # = circular convolution
# --8<-- [end:fft_convolution]
