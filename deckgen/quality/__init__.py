"""Card-quality rules: each rule once (checks), their catalogue, the project's settings for them, and near duplicates."""
