"""The data maker that 'Needs data: numbers' runs first (the real project's makers live here too)."""

# --8<-- [start:numbers]
import os

os.makedirs("data", exist_ok=True)
with open("data/numbers.txt", "w") as file:
    file.write("1 2 3\n")
# --8<-- [end:numbers]
