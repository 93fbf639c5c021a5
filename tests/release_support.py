"""A government release written for the tests: numbered headings, a bracketed sub-heading, and a
list of participating states with the chair marked, in short lines a wrapped text would join."""

OCEAN_RELEASE = (
    "Results of the Ocean Ministers’ Meeting\n"
    "September 8, 2023\n"
    "On Thursday, the Ministry of Fisheries hosted the Ocean Ministers’ Meeting by video.\n"
    "1. Date of the meeting\n"
    "Thursday, September 7, 2023\n"
    "2. Participating countries and international organizations\n"
    "[Ocean states]\n"
    "Chile, Norway, Peru (Chair), Portugal, and the EU\n"
    "3. Overview of the meeting\n"
    "The ministers discussed rules for fishing data and the next steps of the process.\n"
)
