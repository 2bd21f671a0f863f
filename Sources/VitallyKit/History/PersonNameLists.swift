/// Word lists that say a name is a person's (`StoredAccountName`): lowercase, precomposed.
/// Given names are common ones across languages, leaving out those that are as often plain
/// words starting a company's name (`Sierra`, `Nova`, `Summit`, `Pied`).
enum PersonNameLists {
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "herr", "frau", "mme", "mlle", "sr", "sra",
        "srta", "dott", "dssa",
    ]

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dds", "cpa", "mba"]

    /// Words inside names that are neither given name nor surname (`Ludwig van Beethoven`, `María de la Cruz`).
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du", "la", "le", "los", "las", "y",
        "e", "bin", "bint", "ibn", "al", "el", "ter", "ten", "zu", "af", "av", "st", "mac", "mc", "ben", "ap",
    ]

    static let givenNames: Set<String> = [
        // English
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
        "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
        "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
        "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary",
        "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold",
        "sean", "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel",
        "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
        "russell", "bobby", "mason", "philip", "louis", "bill", "bob", "tom", "tim", "jim", "mike", "dave", "steve", "chris",
        "matt", "nick", "ben", "sam", "alex", "max", "dan", "tony", "pat", "ted", "ed", "hank", "gavin", "miles", "theo",
        "ike", "sol", "tab", "richie", "lucius", "norman", "luke", "owen", "liam", "oliver", "lucas", "leo", "colin",
        "neil", "graham", "stuart", "martin", "simon", "hugh", "rory", "callum", "connor", "declan", "finn", "aiden",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa",
        "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
        "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela",
        "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
        "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce",
        "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl",
        "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice",
        "jean", "abigail", "alice", "judy", "sophia", "julia", "denise", "amber", "doris", "marilyn", "danielle", "beverly",
        "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "jane",
        "kate", "katie", "liz", "beth", "jen", "jenny", "sue", "meg", "pam", "nina", "rachael", "pepper", "rosa", "casey",
        "riley", "morgan", "taylor", "jamie", "robin", "avery", "quinn", "drew", "rowan", "emery", "reese", "hayden",
        "cameron", "dana", "jordyn", "kim", "lee", "leslie", "lynn", "shannon", "tracy", "claire", "chloe", "ella", "grace",
        "lily", "mia", "zoe", "zoë", "ava", "amelia", "harper", "evie", "freya", "isla", "poppy", "molly", "holly", "fiona",
        "eileen", "siobhan", "aoife", "niamh", "ciara", "sinead", "bridget",
        // German, Dutch, Nordic
        "jürgen", "jurgen", "ludwig", "klaus", "hans", "stefan", "wolfgang", "uwe", "dieter", "günter", "gunter", "horst", "helmut",
        "lukas", "jonas", "felix", "maximilian", "moritz", "tobias", "florian", "sebastian", "matthias", "andreas",
        "markus", "christoph", "torsten", "sven", "lars", "nils", "jan", "jens", "björn", "bjorn", "erik", "olaf", "ola",
        "anders", "henrik", "magnus", "mikael", "johan", "pieter", "joost", "bram", "daan", "sanne", "femke", "anke",
        "ursula", "ingrid", "heike", "petra", "sabine", "claudia", "katrin", "birgit", "monika", "gabriele", "anja",
        "lena", "leonie", "lea", "hanna", "johanna", "greta", "astrid", "sigrid", "karin", "kirsten", "annika", "elin",
        "sofie", "freja", "ida", "maja",
        // French, Italian, Spanish, Portuguese
        "jean-pierre", "pierre", "jacques", "françois", "francois", "michel", "philippe", "alain", "nicolas", "julien",
        "antoine", "mathieu", "guillaume", "thierry", "olivier", "benoît", "benoit", "rené", "rene", "étienne", "etienne",
        "marie-claire", "sophie", "camille", "chloé", "manon", "juliette", "élodie", "elodie", "céline", "celine",
        "nathalie", "isabelle", "sylvie", "valérie", "valerie", "brigitte", "giuseppe", "giovanni", "marco", "luca",
        "alessandro", "matteo", "francesco", "lorenzo", "andrea", "paolo", "stefano", "roberto", "giulia", "chiara",
        "francesca", "federica", "alessia", "elena", "valentina", "martina", "sofia", "carlos", "luis", "jorge", "miguel",
        "pedro", "alejandro", "javier", "diego", "pablo", "sergio", "manuel", "fernando", "raúl", "raul", "andrés",
        "andres", "joão", "joao", "tiago", "rui", "gonçalo", "goncalo", "maría", "carmen", "lucía", "lucia", "isabel",
        "ana", "laura", "marta", "paula", "beatriz", "inês", "ines", "mariana", "gabriela", "fernanda", "camila",
        "valeria", "daniela", "alejandra", "guadalupe", "rocío", "rocio",
        // Slavic, Baltic, Greek, Hungarian, Romanian
        "ivan", "dmitri", "dmitry", "sergei", "sergey", "alexei", "alexey", "andrei", "andrey", "mikhail", "nikolai",
        "vladimir", "yuri", "oleg", "igor", "pavel", "anton", "boris", "olga", "natasha", "natalia", "tatiana", "svetlana",
        "irina", "ekaterina", "yulia", "anastasia", "oksana", "piotr", "pawel", "paweł", "tomasz", "krzysztof",
        "michał", "michal", "agnieszka", "katarzyna", "małgorzata", "malgorzata", "magdalena", "zofia", "jiří", "jiri",
        "petr", "tereza", "dimitris", "giorgos", "nikos", "eleni", "maria-elena", "lászló", "laszlo", "zoltán", "zoltan",
        "istván", "istvan", "ágnes", "agnes", "andrei", "mihai", "ioana", "alexandru",
        // Arabic, Persian, Turkish, Hebrew
        "mohammed", "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "omar", "hassan", "hussein", "khalid",
        "youssef", "yusuf", "ibrahim", "mustafa", "karim", "tariq", "samir", "rami", "fatima", "aisha", "ayesha", "layla",
        "leila", "noor", "nour", "mariam", "maryam", "zainab", "yasmin", "amira", "reza", "mehdi", "arash", "dariush",
        "parisa", "shirin", "mehmet", "emre", "burak", "elif", "zeynep", "ayşe", "ayse", "yosef", "moshe", "avi", "noa",
        "tamar", "yael", "shira",
        // South Asian
        "priya", "rahul", "amit", "anil", "arjun", "vijay", "sanjay", "rajesh", "suresh", "ravi", "deepak", "vikram",
        "rohan", "aditya", "ananya", "divya", "pooja", "neha", "sneha", "kavya", "lakshmi", "sunita", "anjali", "aarav",
        "vivek", "nikhil", "arun", "kiran", "imran", "asif", "bilal", "sana", "ayesha",
        // East and Southeast Asian (in Latin letters)
        "wei", "xiaoming", "jing", "li", "ming", "hui", "yan", "lei", "jun", "hao", "yi", "xin", "mei", "ling", "xiao",
        "lu", "hiroshi", "takashi", "kenji", "yuki", "haruto", "sota", "yuto", "akira", "taro", "hana", "yui", "sakura",
        "aoi", "haruka", "minjun", "min-jun", "seojun", "jiwoo", "minji", "seoyeon", "jiyeon", "ji-hoon", "jihoon",
        "thanh", "minh", "anh", "linh", "huong", "duc", "somchai", "siti", "nurul", "putri", "budi", "agus",
        // African
        "kwame", "kofi", "ama", "akua", "chinedu", "chioma", "emeka", "ngozi", "oluwaseun", "olumide", "adebayo",
        "tunde", "femi", "amara", "zuri", "thabo", "sipho", "themba", "nomvula", "lerato", "wanjiru", "wambui", "kamau",
        "abebe", "tsion",
    ]

    /// Common surnames, in Latin letters; English ones that are plain words (`King`, `Hill`,
    /// `Green`) are left out, since they end companies' names too.
    static let surnames: Set<String> = [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "perez",
        "thompson", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "torres", "flores", "adams", "nelson",
        "rivera", "campbell", "mitchell", "carter", "roberts", "gomez", "phillips", "evans", "turner", "diaz", "parker",
        "cruz", "edwards", "collins", "reyes", "stewart", "morris", "morales", "murphy", "rogers", "gutierrez",
        "ortiz", "morgan", "peterson", "bailey", "reed", "kelly", "howard", "ramos", "cox", "richardson", "watson",
        "brooks", "chavez", "bennett", "mendoza", "ruiz", "hughes", "alvarez", "castillo", "sanders", "patel",
        "myers", "ross", "foster", "jimenez", "powell", "jenkins", "perry", "russell", "sullivan", "fisher", "henderson",
        "coleman", "simmons", "patterson", "jordan", "reynolds", "hamilton", "graham", "wallace", "gonzales", "vasquez",
        "doe", "okafor", "okonkwo", "adeyemi", "mensah", "osei", "kamau", "otieno", "dlamini", "nkosi", "haddad", "khan",
        "hussain", "rahman", "ahmed", "ali", "sharma", "singh", "kumar", "gupta", "reddy", "iyer", "nair", "rao", "das",
        "müller", "muller", "mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz",
        "hoffmann", "koch", "richter", "klein", "schröder", "schroder", "neumann", "schwarz", "zimmermann",
        "weiß", "weiss", "krüger", "kruger", "hartmann", "lange", "werner", "krause", "lehmann", "köhler", "kohler",
        "jansen", "janssen", "bakker", "visser", "smit", "meijer", "mulder", "bos", "dekker", "dubois",
        "durand", "leroy", "moreau", "lefebvre", "laurent", "fournier", "girard", "bonnet", "rossi", "russo", "ferrari",
        "esposito", "bianchi", "romano", "colombo", "ricci", "marino", "greco", "bruno", "gallo", "conti", "silva",
        "santos", "ferreira", "pereira", "oliveira", "costa", "rodrigues", "almeida", "nascimento", "carvalho", "sousa",
        "fernandez", "fernández", "gonzález", "garcía", "rodríguez", "martínez", "lópez", "sánchez", "pérez", "gómez",
        "díaz", "nowak", "kowalski", "kowalska", "wiśniewski", "wisniewski", "novak", "horvat", "kovač", "kovac", "nagy",
        "tóth", "toth", "szabó", "szabo", "papadopoulos", "popescu", "ionescu", "hansen", "johansson", "andersson",
        "karlsson", "nilsson", "larsen", "jensen", "nielsen", "pedersen", "virtanen", "korhonen", "cohen", "levi", "levy",
        "mizrahi", "yilmaz", "yılmaz", "kaya", "demir", "şahin", "sahin", "öztürk", "ozturk", "hosseini", "mohammadi",
        "tanaka", "dyson", "scott", "hendricks", "osborn", "vidal",
        "roth", "berg", "potts", "abernathy", "hogan", "o'neill", "obrien", "kim", "wu",
    ]

    /// Surnames that often come first (Chinese, Korean, Vietnamese, Japanese order), leaving out
    /// ones that are plain English words (`Song`, `Do`, `Sun`).
    static let eastAsianSurnames: Set<String> = [
        "zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "xu", "zhu", "gao", "guo", "luo", "liang",
        "xie", "tang", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "pan", "yuan", "jiang", "cai", "lu",
        "nguyen", "nguyễn", "tran", "trần", "pham", "phạm", "hoang", "hoàng", "phan", "vu", "vũ", "vo", "võ", "dang",
        "đặng", "bui", "bùi", "ngo", "ngô", "duong", "dương", "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon",
        "jang", "lim", "shin", "seo", "kwon", "hwang", "ahn", "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito",
        "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue",
    ]

    /// Endings that mark a surname in many languages (`Ivanova`, `Kowalczyk`, `Papadopoulos`).
    static let surnameEndings = [
        "ov", "ova", "ev", "eva", "enko", "chuk", "czyk", "wicz", "ski", "ska", "sky", "skaya", "vić", "vic", "ić", "escu",
        "opoulos", "poulos", "akis", "idis", "sson", "sen", "ssen", "oglu", "oğlu", "yan", "ian", "ez", "ès", "stein",
        "mann",
    ]
}
