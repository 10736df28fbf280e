"""What a trained model does: its outputs, metrics, and comparisons of runs.

One module per concern; everything is importable from ``dlcourse.evaluation``:

- :mod:`~dlcourse.evaluation.predictions`: a model's outputs (one dispatch for
  Keras, scikit-learn and plain functions), what they are (probabilities,
  logits, labels: one reading for every helper), predicted classes, forecasts
- :mod:`~dlcourse.evaluation.metrics`: accuracy, RMSE, recall per class,
  sensitivity, specificity, and a threshold chosen on validation data
- :mod:`~dlcourse.evaluation.compare`: two models on one test set, the
  difference with a paired bootstrap interval and McNemar's test
- :mod:`~dlcourse.evaluation.runs`: epochs to a target, generalization gaps,
  accuracy by training-set size, training time
- :mod:`~dlcourse.evaluation.paired`: paired bootstrap intervals of a difference
  between two models on one test set
- :mod:`~dlcourse.evaluation.generated`: judging generated samples
- :mod:`~dlcourse.evaluation.gradients`: gradients per layer and per time step
- :mod:`~dlcourse.evaluation.attention`: a Transformer's attention weights
- :mod:`~dlcourse.evaluation.embeddings`: nearest items in an embedding
- :mod:`~dlcourse.evaluation.adversarial`: adversarial examples and saliency
- :mod:`~dlcourse.evaluation.uncertainty`: intervals for a rate and for a
  paired difference of two models

Importing it does not load TensorFlow; the helpers that need it load it.
"""

from dlcourse.evaluation.adversarial import (
    accuracy_under_attack,
    fgsm,
    flip_pixels,
    random_sign_noise,
    saliency_map,
)
from dlcourse.evaluation.attention import attention_weights
from dlcourse.evaluation.compare import (
    Comparison,
    compare_models,
    compare_predictions,
    mcnemar_exact_p,
)
from dlcourse.evaluation.embeddings import nearest_items
from dlcourse.evaluation.generated import (
    ClassCoverage,
    ModeCoverage,
    class_coverage,
    discriminator_surface,
    mode_coverage,
    nearest_distance,
)
from dlcourse.evaluation.gradients import gradient_norms, gradient_per_step
from dlcourse.evaluation.metrics import (
    accuracy,
    choose_threshold,
    confusion_counts,
    predict_at_threshold,
    recall_per_class,
    rmse,
    sensitivity,
    specificity,
)
from dlcourse.evaluation.paired import PairedDifference, paired_bootstrap
from dlcourse.evaluation.predictions import (
    class_probabilities,
    class_scores,
    declared_output,
    forecast,
    model_outputs,
    predict_classes,
)
from dlcourse.evaluation.runs import (
    accuracy_by_size,
    epochs_to_reach,
    generalization_gap,
    multiply_adds,
    seconds_per_epoch,
    training_seconds,
)
from dlcourse.evaluation.uncertainty import paired_difference, wilson_interval

__all__ = [
    "accuracy",
    "accuracy_by_size",
    "accuracy_under_attack",
    "attention_weights",
    "choose_threshold",
    "class_coverage",
    "class_probabilities",
    "class_scores",
    "ClassCoverage",
    "compare_models",
    "compare_predictions",
    "Comparison",
    "confusion_counts",
    "declared_output",
    "discriminator_surface",
    "mcnemar_exact_p",
    "epochs_to_reach",
    "fgsm",
    "flip_pixels",
    "forecast",
    "generalization_gap",
    "multiply_adds",
    "paired_difference",
    "wilson_interval",
    "gradient_norms",
    "gradient_per_step",
    "mode_coverage",
    "ModeCoverage",
    "model_outputs",
    "nearest_distance",
    "nearest_items",
    "paired_bootstrap",
    "PairedDifference",
    "predict_at_threshold",
    "predict_classes",
    "random_sign_noise",
    "recall_per_class",
    "rmse",
    "saliency_map",
    "seconds_per_epoch",
    "sensitivity",
    "specificity",
    "training_seconds",
]
