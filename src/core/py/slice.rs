//! Python slice normalization shared by str, list and tuple.
