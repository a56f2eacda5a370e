"""Speech-model management: catalogue, locate, download, verify, import, remove."""
