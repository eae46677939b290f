"""The export pipeline: meeting -> house style -> Document -> format renderer -> bytes."""
