"""The complaint workflow: states, legal time limits and the working-day calendar they count on."""
