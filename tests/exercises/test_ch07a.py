"""Chapter 7 (images, language, recommendation): the exercise checkers."""


from dlcourse.exercises import (
    check_cnn_parameters,
)


def test_cnn_parameters_match_keras_and_catch_slips():
    from dlcourse.models import build_cnn

    expected = build_cnn((25, 25, 1), 2, (8, 16), dense_units=32).count_params()
    assert check_cnn_parameters(expected)
    assert "bias" in check_cnn_parameters(expected - (8 + 16 + 32 + 2)).message
    assert not check_cnn_parameters(expected + 1)
