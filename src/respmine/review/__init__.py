"""The review app: analysts browse the theme table and coded segments, and correct the coding.

Every change is a decision in the store's audit log; tables, reports and reruns apply it. Start it with
`python -m respmine.review serve --work WORK` (see `commands`).
"""
