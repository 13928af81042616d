/**
 * Honest-statistics thresholds. A slice is shown only when enough different people voted in it
 * (this also keeps individual contributors from being singled out), and a model gets a rating in a
 * slice only with enough votes there; otherwise it is listed as "not enough votes".
 */
export const MIN_SLICE_VOTERS = 20;
export const MIN_MODEL_VOTES = 30;
