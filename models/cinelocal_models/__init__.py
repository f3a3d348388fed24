"""CineLocal build-time pipeline: MovieLens -> trained models -> int8 site bundle -> evaluation.

Data flows one way through four layers; a module imports only from its own layer or earlier ones
(tests/models/test_layers.py checks it). The protocol (splits and ranking metrics) sits with the data:
tuning on validation users and the evaluation share its one definition.
"""

LAYERS = {
    "data": ("errors", "locate", "movielens", "catalogue", "interactions", "protocol", "text_vocab",
             "grid", "seeding", "stage_meter", "metadata_join", "catalogue_policy"),
    "models": ("two_tower", "tower_training", "distributed_training", "ease_factors", "blend",
               "rating_head", "fold_in", "content_model"),
    "export": ("quantize", "export", "bundle", "scoring", "popularity_weight", "content_export", "metadata_shards"),
    "evaluation": ("baselines", "mainstream", "evaluation", "report"),
    "build": ("pipeline",),  # the bundle build: every layer but the evaluation, in order
}
