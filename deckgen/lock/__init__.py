"""Identity over time: the lockfile, card keys and GUIDs, change times, moves, retirement and new-card order."""
