"""Embeddings and recurrent layers: Embedding, RNN, LSTM, GRU, their cells, batch_first, shapes."""

# --8<-- [start:embedding]
import torch
from torch import nn

torch.manual_seed(0)
emb = nn.Embedding(num_embeddings=10, embedding_dim=4)  # a (10, 4) lookup table
tokens = torch.tensor([[1, 2, 3], [4, 5, 9]])  # (batch, sequence) of integer ids
print(emb(tokens).shape)  # (batch, sequence, embedding_dim)
print(torch.equal(emb(tokens)[0, 0], emb.weight[1]))  # row 1 of the table
# --8<-- [end:embedding]

# --8<-- [start:embedding_padding]
import torch
from torch import nn

emb = nn.Embedding(10, 4, padding_idx=0)  # id 0 maps to zeros and gets no gradient
print(emb(torch.tensor([0, 3]))[0].tolist())
try:
    emb(torch.tensor([1.0, 2.0]))  # ids must be integers
except RuntimeError as e:
    print(type(e).__name__, e)
# --8<-- [end:embedding_padding]

# --8<-- [start:rnn]
import torch
from torch import nn

rnn = nn.RNN(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(2, 5, 4)  # (batch, sequence, features) because batch_first=True
output, h_n = rnn(x)
print("output:", tuple(output.shape))  # every time step, last layer
print("h_n:   ", tuple(h_n.shape))  # last time step, every layer: (layers, batch, hidden)
print(torch.allclose(output[:, -1], h_n[-1]))
# --8<-- [end:rnn]

# --8<-- [start:lstm]
import torch
from torch import nn

lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(2, 5, 4)
output, (h_n, c_n) = lstm(x)  # an LSTM also returns its cell state
print("output:", tuple(output.shape))
print("h_n:   ", tuple(h_n.shape), "c_n:", tuple(c_n.shape))  # batch_first does not apply here
print(torch.allclose(output[:, -1], h_n[-1]))  # 1 layer, one direction: the same vector
# --8<-- [end:lstm]

# --8<-- [start:lstm_stacked]
import torch
from torch import nn

lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, bidirectional=True, batch_first=True)
x = torch.randn(2, 5, 4)
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape))  # hidden sizes of both directions concatenated
print("h_n:   ", tuple(h_n.shape))  # (layers * directions, batch, hidden)
print(torch.allclose(output[:, -1, :6], h_n[-2]))  # forward direction ends at the last step
print(torch.allclose(output[:, 0, 6:], h_n[-1]))  # backward direction ends at the first step
# --8<-- [end:lstm_stacked]

# --8<-- [start:gru]
import torch
from torch import nn

gru = nn.GRU(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(2, 5, 4)
h_0 = torch.zeros(1, 2, 6)  # optional initial state: (layers, batch, hidden)
output, h_n = gru(x, h_0)  # like nn.RNN: no cell state
print(tuple(output.shape), tuple(h_n.shape))
# --8<-- [end:gru]

# --8<-- [start:lstm_cell]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
cell = nn.LSTMCell(input_size=4, hidden_size=6)  # one time step of one layer
print(list(lstm.state_dict()))  # the cell has the same tensors, without the _l0 suffix
cell.load_state_dict({k.removesuffix("_l0"): v for k, v in lstm.state_dict().items()})

x = torch.randn(2, 5, 4)  # (batch, sequence, features)
h, c = torch.zeros(2, 6), torch.zeros(2, 6)  # (batch, hidden): no layer dimension
outputs = []
for t in range(x.shape[1]):  # the loop over time steps is yours
    h, c = cell(x[:, t], (h, c))
    outputs.append(h)
output, (h_n, c_n) = lstm(x)
print(torch.allclose(torch.stack(outputs, dim=1), output, atol=1e-6))
print(torch.allclose(h, h_n[0], atol=1e-6), torch.allclose(c, c_n[0], atol=1e-6))
# --8<-- [end:lstm_cell]

# --8<-- [start:gru_cell]
import torch
from torch import nn

torch.manual_seed(0)
cell = nn.GRUCell(input_size=3, hidden_size=8)  # one time step of nn.GRU
head = nn.Linear(8, 3)
x = torch.randn(2, 3)  # the first input: (batch, features), no time dimension
h = torch.zeros(2, 8)
predictions = []
for _ in range(4):
    h = cell(x, h)  # returns the new hidden state only
    x = head(h)  # the prediction is the next step's input: one nn.GRU call cannot do this
    predictions.append(x)
print(torch.stack(predictions, dim=1).shape)
try:
    cell(torch.randn(2, 5, 3), h)  # a whole sequence
except ValueError as e:
    print(type(e).__name__, e)
# --8<-- [end:gru_cell]

# --8<-- [start:batch_first_pitfall]
import torch
from torch import nn

x = torch.randn(2, 5, 4)  # 2 sequences of 5 steps
lstm = nn.LSTM(input_size=4, hidden_size=6)  # batch_first=False: expects (sequence, batch, ...)
output, (h_n, c_n) = lstm(x)  # runs without error, reading 5 sequences of 2 steps
print("h_n:", tuple(h_n.shape))

lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
output, (h_n, c_n) = lstm(x)
print("h_n:", tuple(h_n.shape))
# --8<-- [end:batch_first_pitfall]
