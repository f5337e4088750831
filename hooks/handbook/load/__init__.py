"""Read data/ and the articles' front matter into typed, validated models."""
