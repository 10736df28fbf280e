/* A tiny network learning a 2-D data set (chapter 3): full-batch gradient
 * descent on the mean cross-entropy, forward and backward by hand with the
 * formulas and parameter names of dlcourse.scratch.backprop:
 *
 *   z1 = x W1 + b1,  h = act(z1),  z2 = h W2 + b2,  P = softmax(z2)
 *   dz2 = (P - Y) / n,  dW2 = h^T dz2,  db2 = sum(dz2),  dh = dz2 W2^T,
 *   dz1 = dh * act'(z1),  dW1 = x^T dz1,  db1 = sum(dz1),
 *   theta <- theta - learning_rate * dtheta.
 *
 * Starting weights as init_two_layer draws them (He-normal W1, Glorot-
 * uniform W2, zero biases), from a seeded generator. The data (moons,
 * circles) come from a seeded generator too. tests/browser/test_widgets.py
 * checks one step against the package (ReLU) and NumPy (other activations). */
(function () {
  "use strict";
  const DLC = window.DLC;
  const N_PER_CLASS = 60, NOISE = {moons: 0.12, circles: 0.08}, DATA_SEED = 2026;
  const LIMIT = 2, GRID = 64, STEPS_PER_FRAME = 2;
  const ACT = {
    relu: [(z) => Math.max(0, z), (z) => (z > 0 ? 1 : 0)],
    tanh: [(z) => Math.tanh(z), (z) => { const t = Math.tanh(z); return 1 - t * t; }],
    sigmoid: [sigmoid, (z) => { const s = sigmoid(z); return s * (1 - s); }],
    linear: [(z) => z, () => 1],
  };
  function sigmoid(z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /* Two interleaved half circles, or two rings, centred on 0; labels 0 and 1. */
  function makeData(kind) {
    const normal = DLC.normal(DLC.random(DATA_SEED));
    const x = [], y = [];
    for (let label = 0; label < 2; label++) {
      for (let k = 0; k < N_PER_CLASS; k++) {
        let p;
        if (kind === "moons") {
          const t = Math.PI * k / (N_PER_CLASS - 1);
          p = label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25]
                          : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
        } else {
          const t = 2 * Math.PI * k / N_PER_CLASS, r = label === 0 ? 1.4 : 0.6;
          p = [r * Math.cos(t), r * Math.sin(t)];
        }
        x.push([p[0] + NOISE[kind] * normal(), p[1] + NOISE[kind] * normal()]);
        y.push(label);
      }
    }
    return {x: x, y: y};
  }

  /* init_two_layer's recipe: W1 ~ N(0, 2 / n_inputs), W2 ~ U(-l, l), l = sqrt(6 / (h + k)). */
  function init(hidden, seed) {
    const uniform = DLC.random(seed), normal = DLC.normal(uniform);
    const W1 = [0, 1].map(() => Array.from({length: hidden}, () => normal() * Math.sqrt(2 / 2)));
    const limit = Math.sqrt(6 / (hidden + 2));
    const W2 = Array.from({length: hidden}, () => [0, 1].map(() => (2 * uniform() - 1) * limit));
    return {W1: W1, b1: new Array(hidden).fill(0), W2: W2, b2: [0, 0]};
  }

  /* The forward pass for one input: hidden pre-activations, hidden outputs, probabilities. */
  function forwardOne(params, act, x0, x1) {
    const hidden = params.b1.length, z1 = new Array(hidden), h = new Array(hidden);
    let s0 = params.b2[0], s1 = params.b2[1];
    for (let j = 0; j < hidden; j++) {
      z1[j] = x0 * params.W1[0][j] + x1 * params.W1[1][j] + params.b1[j];
      h[j] = act(z1[j]);
      s0 += h[j] * params.W2[j][0];
      s1 += h[j] * params.W2[j][1];
    }
    const m = Math.max(s0, s1), e0 = Math.exp(s0 - m), e1 = Math.exp(s1 - m);
    return {z1: z1, h: h, p: [e0 / (e0 + e1), e1 / (e0 + e1)]};
  }

  /* Mean cross-entropy and the gradients of every parameter (scratch.backprop._backward). */
  function lossAndGradients(params, data, activation) {
    const [act, dAct] = ACT[activation];
    const n = data.x.length, hidden = params.b1.length;
    const grads = {W1: [new Array(hidden).fill(0), new Array(hidden).fill(0)],
                   b1: new Array(hidden).fill(0),
                   W2: Array.from({length: hidden}, () => [0, 0]), b2: [0, 0]};
    let loss = 0, correct = 0;
    for (let r = 0; r < n; r++) {
      const [x0, x1] = data.x[r], label = data.y[r];
      const f = forwardOne(params, act, x0, x1);
      loss -= Math.log(Math.max(f.p[label], 1e-300));
      if ((f.p[1] > f.p[0] ? 1 : 0) === label) correct += 1;
      const dz2 = [(f.p[0] - (label === 0 ? 1 : 0)) / n, (f.p[1] - (label === 1 ? 1 : 0)) / n];
      grads.b2[0] += dz2[0];
      grads.b2[1] += dz2[1];
      for (let j = 0; j < hidden; j++) {
        grads.W2[j][0] += f.h[j] * dz2[0];
        grads.W2[j][1] += f.h[j] * dz2[1];
        const dh = dz2[0] * params.W2[j][0] + dz2[1] * params.W2[j][1];
        const dz1 = dh * dAct(f.z1[j]);
        grads.W1[0][j] += x0 * dz1;
        grads.W1[1][j] += x1 * dz1;
        grads.b1[j] += dz1;
      }
    }
    return {loss: loss / n, accuracy: correct / n, grads: grads};
  }

  function update(params, grads, rate) {
    const step = (value, grad) => (Array.isArray(value)
      ? value.map((v, k) => step(v, grad[k])) : value - rate * grad);
    return {W1: step(params.W1, grads.W1), b1: step(params.b1, grads.b1),
            W2: step(params.W2, grads.W2), b2: step(params.b2, grads.b2)};
  }

  const copy = (value) => JSON.parse(JSON.stringify(value));

  DLC.register("tinynet", function (body, data, root) {
    const controls = DLC.el("div", {class: "dlc-controls"});
    body.append(controls);
    const dataset = DLC.select(controls, {name: "dataset", label: "data set", value: "moons",
                                          options: [["moons", "two moons"], ["circles", "two circles"]]});
    const hidden = DLC.slider(controls, {name: "hidden", label: "hidden units", min: 1, max: 8,
                                         step: 1, value: 4, format: (v) => DLC.fmt(v, 0)});
    const activation = DLC.select(controls, {
      name: "activation", label: "hidden activation", value: "relu",
      options: [["relu", "relu"], ["tanh", "tanh"], ["sigmoid", "sigmoid"], ["linear", "linear (none)"]],
    });
    const rate = DLC.slider(controls, {name: "learning_rate", label: "learning rate \u03b7",
                                       min: -2, max: 1, step: 0.1, value: -0.5,
                                       format: (v) => String(Number(Math.pow(10, v).toPrecision(2)))});
    const seedId = DLC.uid("seed");
    const seed = DLC.el("input", {type: "number", id: seedId, name: "seed", min: 0, max: 9999, step: 1,
                                  value: 0, inputmode: "numeric"});
    controls.append(DLC.el("div", {class: "dlc-control"}, [
      DLC.el("label", {for: seedId}, ["seed (starting weights)"]), seed]));
    const buttons = DLC.el("div", {class: "dlc-buttons"});
    controls.append(buttons);
    const playButton = DLC.button(buttons, "Play", {"data-action": "play"});
    const stepButton = DLC.button(buttons, "Step", {"data-action": "step"});
    const resetButton = DLC.button(buttons, "Reset", {"data-action": "reset"});

    const regionBox = DLC.el("div", {class: "dlc-plot"});
    const canvas = DLC.el("canvas", {width: 300, height: 300, role: "img"});
    regionBox.append(DLC.el("p", {class: "dlc-plot-title", "aria-hidden": "true"},
                            ["decision regions (x\u2081 across, x\u2082 up)"]), canvas);
    regionBox.append(DLC.el("p", {class: "dlc-legend"}, [
      DLC.el("span", {class: "dlc-swatch", style: "background:var(--dlc-class-a);border-radius:50%",
                      "aria-hidden": "true"}), "class 0 (circles)",
      DLC.el("span", {class: "dlc-swatch", style: "background:var(--dlc-class-b)",
                      "aria-hidden": "true"}), "class 1 (squares); deeper colour: surer",
    ]));
    const lossBox = DLC.el("div", {class: "dlc-plot"});
    const lossTitleId = DLC.uid("title");
    const lossSvg = DLC.svg("svg", {viewBox: "0 0 300 180", role: "img", "aria-labelledby": lossTitleId});
    const lossTitle = DLC.svg("title", {id: lossTitleId});
    lossBox.append(DLC.el("p", {class: "dlc-plot-title", "aria-hidden": "true"},
                          ["training loss (mean cross-entropy) by step"]), lossSvg);
    body.append(regionBox, lossBox);
    const status = DLC.el("p", {class: "dlc-readout", "aria-live": "polite", "data-output": "status"});
    body.append(status);

    const offscreen = document.createElement("canvas");
    offscreen.width = GRID;
    offscreen.height = GRID;
    const context = canvas.getContext("2d"), small = offscreen.getContext("2d");
    const image = small.createImageData(GRID, GRID);

    let points = null, params = null, losses = [], current = null, steps = 0;
    let running = false, frame = null, lastAnnounced = 0, note = "";

    function evaluate() {
      current = lossAndGradients(params, points, activation.value);
    }

    function reset() {
      pause();
      points = makeData(dataset.value);
      params = init(hidden.value, Math.max(0, Math.floor(Number(seed.value) || 0)));
      steps = 0;
      losses = [];
      note = "";
      evaluate();
      draw(true);
    }

    function stepOnce() {
      losses.push(current.loss);
      params = update(params, current.grads, Math.pow(10, rate.value));
      steps += 1;
      evaluate();
      if (!Number.isFinite(current.loss)) {
        note = " The loss is no longer a finite number: the learning rate is too large. "
          + "Lower it and press Reset.";
        pause();
      }
    }

    function drawRegions(colors) {
      const act = ACT[activation.value][0];
      const bg = DLC.rgb(colors.background), ca = DLC.rgb(colors.a), cb = DLC.rgb(colors.b);
      for (let r = 0; r < GRID; r++) {
        const x1 = LIMIT - (2 * LIMIT) * (r + 0.5) / GRID;
        for (let c = 0; c < GRID; c++) {
          const x0 = -LIMIT + (2 * LIMIT) * (c + 0.5) / GRID;
          const p = forwardOne(params, act, x0, x1).p[1];
          const target = p >= 0.5 ? cb : ca;
          const t = Number.isFinite(p) ? 0.12 + 0.5 * Math.abs(2 * p - 1) : 0;
          const k = 4 * (r * GRID + c);
          for (let i = 0; i < 3; i++) image.data[k + i] = Math.round(bg[i] + t * (target[i] - bg[i]));
          image.data[k + 3] = 255;
        }
      }
      small.putImageData(image, 0, 0);
      context.imageSmoothingEnabled = true;
      context.drawImage(offscreen, 0, 0, canvas.width, canvas.height);
      const px = (v) => ((v + LIMIT) / (2 * LIMIT)) * canvas.width;
      const py = (v) => ((LIMIT - v) / (2 * LIMIT)) * canvas.height;
      context.lineWidth = 1.2;
      context.strokeStyle = colors.text;
      for (let k = 0; k < points.x.length; k++) {
        const [x0, x1] = points.x[k];
        context.beginPath();
        if (points.y[k] === 0) {
          context.arc(px(x0), py(x1), 4.2, 0, 2 * Math.PI);
        } else {
          context.rect(px(x0) - 3.8, py(x1) - 3.8, 7.6, 7.6);
        }
        context.fillStyle = points.y[k] === 0 ? colors.a : colors.b;
        context.fill();
        context.stroke();
      }
    }

    function drawLoss(colors) {
      const W = 300, H = 180, L = 40, R = 8, T = 8, B = 30;
      const all = losses.concat([current.loss]).filter(Number.isFinite);
      const top = Math.max(0.5, Math.ceil(2 * Math.max(...all, 0)) / 2);
      const last = Math.max(losses.length, 10);
      const sx = (k) => L + (W - L - R) * k / last;
      const sy = (v) => T + (H - T - B) * (1 - Math.min(v, top) / top);
      lossSvg.replaceChildren(lossTitle);
      for (let g = 0; g <= 4; g++) {
        const v = top * g / 4;
        lossSvg.append(DLC.svg("line", {x1: L, x2: W - R, y1: sy(v), y2: sy(v), stroke: colors.grid,
                                        "stroke-width": g === 0 ? 1.2 : 0.5}));
        lossSvg.append(DLC.svg("text", {x: L - 4, y: sy(v) + 3.5, "text-anchor": "end", "font-size": 10,
                                        fill: colors.muted}, [DLC.fmt(v, 2)]));
      }
      lossSvg.append(DLC.svg("text", {x: L, y: H - 16, "font-size": 10, fill: colors.muted}, ["0"]));
      lossSvg.append(DLC.svg("text", {x: W - R, y: H - 16, "font-size": 10, fill: colors.muted,
                                      "text-anchor": "end"}, [String(last)]));
      lossSvg.append(DLC.svg("text", {x: (L + W - R) / 2, y: H - 4, "font-size": 11, fill: colors.text,
                                      "text-anchor": "middle"}, ["step"]));
      const series = losses.concat([current.loss]);
      const every = Math.max(1, Math.ceil(series.length / 300));
      const coords = [];
      for (let k = 0; k < series.length; k += every) {
        if (Number.isFinite(series[k])) coords.push(`${sx(k).toFixed(1)},${sy(series[k]).toFixed(1)}`);
      }
      if (series.length > 1 && (series.length - 1) % every && Number.isFinite(current.loss)) {
        coords.push(`${sx(series.length - 1).toFixed(1)},${sy(current.loss).toFixed(1)}`);
      }
      lossSvg.append(DLC.svg("polyline", {points: coords.join(" "), fill: "none", stroke: colors.text,
                                          "stroke-width": 2}));
      lossTitle.textContent = `Training loss over ${steps} steps: from ${DLC.fmt(series[0], 3)} `
        + `to ${DLC.fmt(current.loss, 3)}.`;
    }

    function draw(announce) {
      const colors = DLC.colors(root);
      drawRegions(colors);
      drawLoss(colors);
      canvas.setAttribute("aria-label", `The ${dataset.value} data set and the regions where the network `
        + `predicts class 0 and class 1, after ${steps} steps; training accuracy `
        + `${Math.round(100 * current.accuracy)} %.`);
      const now = performance.now();
      if (announce || !running || now - lastAnnounced > 1000) {
        lastAnnounced = now;
        status.textContent = `Step ${steps}: loss ${DLC.fmt(current.loss, 4)}, training accuracy `
          + `${Math.round(100 * current.accuracy)} % (${points.x.length} points, `
          + `learning rate ${rate.output.textContent}).${note}`;
      }
    }

    function loop() {
      if (!running) return;
      for (let k = 0; k < STEPS_PER_FRAME && running; k++) stepOnce();
      draw(false);
      if (running) frame = requestAnimationFrame(loop);
    }

    function play() {
      if (running || !Number.isFinite(current.loss)) return;
      running = true;
      playButton.textContent = "Pause";
      frame = requestAnimationFrame(loop);
    }

    function pause() {
      const was = running;
      running = false;
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      playButton.textContent = "Play";
      if (was && current) draw(true);
    }

    playButton.addEventListener("click", () => (running ? pause() : play()));
    stepButton.addEventListener("click", () => {
      pause();
      if (Number.isFinite(current.loss)) stepOnce();
      draw(true);
    });
    resetButton.addEventListener("click", reset);
    for (const control of [dataset, hidden.input, activation, seed]) DLC.onChange(control, reset);
    DLC.onChange(rate.input, () => { if (!running) draw(true); });
    DLC.onTheme(() => current && draw(true));
    reset();

    return {
      state: () => Object.assign(copy(params), {
        x: copy(points.x), y: points.y.slice(), learningRate: Math.pow(10, rate.value),
        activation: activation.value, hidden: params.b1.length, dataset: dataset.value,
        seed: Number(seed.value), step: steps, loss: current.loss, accuracy: current.accuracy,
        losses: losses.slice(), running: running,
      }),
      step: () => stepButton.click(),
      play: play,
      pause: pause,
      reset: reset,
    };
  });
})();
