"""Word lists for synthetic people and places. Combined at random, so the people are
obviously invented; nothing here describes a real child, school or street."""

from typing import Final

FIRST_NAMES_FEMALE: Final = (
    "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow",
    "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily",
    "Ella", "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte", "Harper", "Millie", "Matilda",
    "Maya", "Sophie", "Alice", "Emilia", "Isabelle", "Ruby", "Luna", "Maisie", "Aria",
    "Penelope", "Mila", "Bonnie", "Eva", "Hallie", "Eliza", "Ada", "Violet", "Esme", "Arabella",
    "Imogen", "Jessica", "Delilah", "Aisha", "Fatima", "Maryam", "Zara", "Amira", "Hafsa",
    "Priya", "Anaya", "Aaliyah", "Chloe", "Niamh", "Erin", "Ellie", "Hannah", "Lucy", "Megan",
    "Holly", "Layla", "Nia", "Zainab", "Hana", "Leah", "Amara", "Kiera", "Tia",
)  # fmt: skip

FIRST_NAMES_MALE: Final = (
    "Muhammad", "Noah", "Oliver", "George", "Leo", "Arthur", "Oscar", "Theodore", "Freddie",
    "Archie", "Henry", "Alfie", "Charlie", "Jack", "Thomas", "Jacob", "Finley", "Lucas",
    "Isaac", "Tommy", "Teddy", "Albie", "Arlo", "William", "Hudson", "James", "Roman",
    "Reggie", "Luca", "Harrison", "Ezra", "Joshua", "Edward", "Max", "Ethan", "Elijah",
    "Jude", "Louie", "Rory", "Harry", "Mason", "Hugo", "Jaxon", "Sonny", "Ronnie", "Jesse",
    "Frankie", "Sebastian", "Dylan", "Alexander", "Ibrahim", "Yusuf", "Ali", "Omar", "Adam",
    "Ayaan", "Arjun", "Kai", "Zayn", "Ryan", "Callum", "Kyle", "Liam", "Owen", "Rhys", "Connor",
    "Daniel", "Samuel", "Joseph", "Kofi", "Tyler", "Jayden", "Reuben", "Caleb", "Nathan",
)  # fmt: skip

SURNAMES: Final = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee",
    "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett",
    "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh",
    "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Miller", "Cox", "Hussain",
    "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson", "Ali", "Ahmed",
    "Foster", "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards", "Webb", "Griffiths",
    "Hunt", "Palmer", "Campbell", "Holmes", "Mills", "Rogers", "Barnes", "Knight", "Matthews",
    "Barker", "Powell", "Stevens", "Kaur", "Fisher", "Butler", "Dixon", "Russell", "Harvey",
    "Pearson", "Graham", "Fletcher", "Howard", "Gibson", "Walsh", "Reid", "Ford", "Burton",
    "Okafor", "Mensah", "Owusu", "Nowak", "Kowalski", "Chen", "Wang", "Nguyen", "Ibrahim",
    "Rahman", "Miah", "Choudhury", "Sharma", "Gill", "Mahmood", "Osei", "Adeyemi", "Abbott",
    "Booth", "Lowe", "Hayes", "Hart", "Atkinson", "Lawrence", "Spencer", "Rees", "Stone",
    "Fox", "Lane", "Day", "Holland", "Payne", "Pearce", "Dean", "Jenkins", "Lloyd", "Moss",
)  # fmt: skip

#: Postcode districts of the synthetic area and the locality each stands for, with the
#: share of families living there. "ZY" is not a real postcode area, though it has the
#: format of one, so no synthetic address can be mistaken for a real place.
POSTCODE_DISTRICTS: Final = (
    ("ZY1", "Ashbury", 0.21),
    ("ZY2", "Brackenfold", 0.17),
    ("ZY3", "Cresswater", 0.14),
    ("ZY4", "Dunmere", 0.12),
    ("ZY5", "Eastbrook", 0.11),
    ("ZY6", "Fenwold", 0.10),
    ("ZY7", "Greyhaven", 0.09),
    ("ZY8", "Harrowmere", 0.06),
)

#: Letters allowed in the last two characters of a postcode (GOV.UK pattern).
INWARD_LETTERS: Final = "ABDEFGHJLNPQRSTUWXYZ"

SETTING_STEMS: Final = (
    "Oakfield", "Meadowbank", "Riverside", "Hillcrest", "Ashgrove", "Beechwood", "Brookside",
    "Cedar Park", "Elmhurst", "Fairfield", "Foxhill", "Greenacres", "Hawthorn", "Hazelwood",
    "Highfield", "Hollybank", "Kingsmead", "Larkrise", "Longmeadow", "Maple Grove", "Millbrook",
    "Northgate", "Orchard", "Parkside", "Queensway", "Redwood", "Rosehill", "Sandfield",
    "Southmead", "Springfield", "Stonebridge", "Sunnyside", "Thornbury", "Valley View",
    "Westfield", "Willowbrook", "Windmill Hill", "Woodlands", "Yew Tree", "Abbey Meadows",
    "Ashfield", "Bramble Hill", "Briar Lea", "Castle Rise", "Church Hill", "Clover Fields",
    "Coppice", "Crescent", "Elm Tree", "Ferndale", "Fieldway", "Glebe", "Gorse Hill",
    "Greenfield", "Heathside", "Heron Brook", "Holly Lodge", "Ivy Bank", "Juniper",
    "Kestrel Way", "Lakeside", "Laurel Bank", "Linden", "Mayfield", "Mill Lane", "Moorland",
    "Newlands", "Oaklands", "Old Park", "Pinewood", "Priory", "Ravenscroft", "Ridgeway",
    "Rowan Tree", "Sandhill", "Silverdale", "Skylark", "Stanley Park", "Swallow Fields",
    "Tern Valley", "The Avenue", "Tithe Barn", "Upton Meadow", "Victoria Park", "Wheatfield",
    "Whitecross", "Wildflower", "Wren Park", "Acorn", "Badger Hill", "Bluebell", "Buttercup",
    "Chestnut", "Dovecote", "Firs", "Goldcrest", "Harebell", "Kingfisher", "Lavender",
    "Nightingale", "Primrose", "Sycamore", "Thistle", "Wisteria",
)  # fmt: skip

SAINTS: Final = (
    "Mary", "John", "Peter", "Paul", "Michael", "Andrew", "George", "Anne", "Margaret",
    "Thomas", "Joseph", "Bede", "Hilda", "Cuthbert", "Chad", "Aidan", "Luke", "Mark",
)  # fmt: skip
