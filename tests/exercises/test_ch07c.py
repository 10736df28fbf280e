"""Chapter 7 (images, language, recommendation): the exercise checkers."""


from dlcourse.exercises import (
    check_factorization_parameters,
    check_predicted_rating,
)


def test_factorization_parameters_match_keras():
    from dlcourse.models import build_matrix_factorization

    expected = build_matrix_factorization(671, 9066, 32).count_params()
    assert check_factorization_parameters(expected)
    assert "bias" in check_factorization_parameters((671 + 9066) * 32).message
    assert "full rating matrix" in check_factorization_parameters(671 * 9066).message


def test_predicted_rating_and_slips():
    assert check_predicted_rating(3.8)
    assert "mean" in check_predicted_rating(0.3).message
    assert "dot product" in check_predicted_rating(3.4).message
    assert "subtract" in check_predicted_rating(4.6).message
