"""The MNIST benchmark's work in numpy, for comparison with the course's fast engine (tests/bench/mnist.ts).

Usage: python3 mnist_numpy.py <folder>. The folder holds what mnist.ts wrote: meta.json (sizes and
hyperparameters), the training and test pixels as raw little-endian float64, the labels as uint8, the
starting weights and biases (float64, weights row by row: neuron j's weights for every input), and the sample
order of every epoch (int32). The network, starting values and sample order are exactly the engine's.
Prints one JSON line: training times in milliseconds (data loading and start-up excluded), the test
accuracy and the mean loss of every epoch of the last run.
"""
import json
import sys
import time

import numpy as np


def read(folder, name, dtype, shape):
    return np.fromfile(f"{folder}/{name}", dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape)


def relu(z):
    return np.maximum(z, 0.0)


def forward(weights, biases, x):
    """Weighted sums and activations of every layer for a batch of inputs (one row per sample)."""
    zs, activations = [], [x]
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = activations[-1] @ w.T + b
        if layer == len(weights) - 1:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
        else:
            a = relu(z)
        zs.append(z)
        activations.append(a)
    return zs, activations


def train(weights, biases, x, labels, orders, batch_size, learning_rate):
    """Mini-batch gradient descent with softmax + cross-entropy, as trainFast does. Returns each epoch's mean loss."""
    classes = weights[-1].shape[0]
    one_hot = np.eye(classes)[labels]
    losses = []
    for order in orders:
        total = 0.0
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            xb, yb = x[rows], one_hot[rows]
            zs, activations = forward(weights, biases, xb)
            p = activations[-1]
            total += -np.log(p[yb == 1]).sum()
            blame = p - yb
            for layer in range(len(weights) - 1, -1, -1):
                grad_w = blame.T @ activations[layer] / len(rows)
                grad_b = blame.sum(axis=0) / len(rows)
                if layer > 0:
                    blame = (blame @ weights[layer]) * (zs[layer - 1] > 0)
                weights[layer] -= learning_rate * grad_w
                biases[layer] -= learning_rate * grad_b
        losses.append(total / len(order))
    return losses


def main():
    folder = sys.argv[1]
    with open(f"{folder}/meta.json") as f:
        meta = json.load(f)
    sizes = meta["sizes"]
    n_train, n_test = meta["trainCount"], meta["testCount"]
    x_train = read(folder, "train-pixels.f64", np.float64, (n_train, sizes[0]))
    y_train = read(folder, "train-labels.u8", np.uint8, (n_train,)).astype(np.intp)
    x_test = read(folder, "test-pixels.f64", np.float64, (n_test, sizes[0]))
    y_test = read(folder, "test-labels.u8", np.uint8, (n_test,)).astype(np.intp)
    orders = read(folder, "orders.i32", np.int32, (meta["epochs"], n_train)).astype(np.intp)
    start_w = [read(folder, f"weights{l}.f64", np.float64, (sizes[l + 1], sizes[l])) for l in range(len(sizes) - 1)]
    start_b = [read(folder, f"biases{l}.f64", np.float64, (sizes[l + 1],)) for l in range(len(sizes) - 1)]

    times = []
    for _ in range(meta["runs"]):
        weights = [w.copy() for w in start_w]
        biases = [b.copy() for b in start_b]
        t = time.perf_counter()
        losses = train(weights, biases, x_train, y_train, orders, meta["batchSize"], meta["learningRate"])
        times.append((time.perf_counter() - t) * 1000)
    _, activations = forward(weights, biases, x_test)
    accuracy = float((activations[-1].argmax(axis=1) == y_test).mean())
    print(json.dumps({"timesMs": times, "testAccuracy": accuracy, "epochLosses": losses, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
