"""Onboarding tracks beyond their files: the workload model and schedules."""
