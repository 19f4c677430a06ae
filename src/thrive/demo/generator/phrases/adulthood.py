"""Preparing for adulthood (Code of Practice chapter 8): from Year 9, plans look ahead to
higher education or employment, independent living, friends and community, and good
health. Each strand's outcome carries its adulthood area."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

ADULTHOOD: Final = (
    S(
        "sc",
        "careers and work experience",
        "is unsure what work {he} would like to do and has not yet had any experience of a "
        "workplace",
        "will complete a week of work experience in a setting {he} has chosen, with a "
        "travel plan and a named contact there",
        P(
            "Careers guidance interviews with a written action plan shared with {name} and "
            "{his} family, and a supported work experience placement",
            "Independent careers adviser; work experience coordinator",
            "Careers interview twice a year; placement once in Year 10 or 12",
            "45 minutes each interview; placement of 5 days",
            "1:1",
        ),
        adulthood_area="employment",
    ),
    S(
        "c",
        "supported employment",
        "would like a paid job but needs help to apply, prepare for interviews and learn "
        "the tasks of a new job",
        "will complete a supported internship of at least 10 hours a week in a workplace, "
        "with the aim of being offered a paid job",
        P(
            "Supported internship with a job coach who trains {name} in the workplace and "
            "reduces support as {he} learns each task",
            "Job coach from the college's supported internship programme",
            "3 days a week for the academic year",
            "6 hours each day",
            "1:1 at first",
        ),
        adulthood_area="employment",
    ),
    S(
        "sc",
        "independent travel",
        "relies on family or council transport for every journey and has not yet travelled "
        "on a bus alone",
        "will travel independently by bus between home and {his} school or college on a "
        "familiar route, 5 days a week",
        P(
            "Independent travel training on the route to school or college, with a travel "
            "card and a plan for what to do if something goes wrong",
            "Travel trainer from the council's independent travel training service",
            "Twice a week for 10 weeks",
            "1 hour each session",
            "1:1",
        ),
        adulthood_area="independent_living",
    ),
    S(
        "sc",
        "managing money",
        "finds it hard to understand the value of money and to check {his} change",
        "will pay for items in a shop, check {his} change and stay within a weekly budget "
        "of £20, recorded in {his} money diary",
        P(
            "Life skills lessons on money, with practice in local shops",
            "Teaching assistant or learning support assistant",
            "Once a week",
            "1 hour each session",
            "Group of no more than 4",
        ),
        adulthood_area="independent_living",
    ),
    S(
        "sc",
        "friendships and community",
        "has few friends outside school and spends most evenings and weekends at home",
        "will go to a community club or activity of {his} choice each week, getting there "
        "with a friend or on {his} own",
        P(
            "Support from a youth worker to find and join a club, going with {name} for the "
            "first 4 weeks",
            "Youth worker from the local youth service",
            "Once a week for 8 weeks",
            "2 hours each session",
            "1:1",
        ),
        adulthood_area="community",
    ),
    S(
        "sc",
        "looking after own health",
        "relies on {his} parents to manage {his} medication and health appointments",
        "will book and go to {his} own GP and dental appointments, and take {his} "
        "medication at the right times using a phone reminder",
        P(
            "Sessions on looking after {his} own health, with practice booking appointments "
            "and setting up medication reminders",
            "School nurse or college wellbeing worker",
            "Once a fortnight for a term",
            "30 minutes each session",
            "1:1",
        ),
        adulthood_area="health",
    ),
)
