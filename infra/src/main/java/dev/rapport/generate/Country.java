package dev.rapport.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The countries the generated company sells to, with names, places and phone numbering that fit each
 * one. Russian names are kept in Cyrillic and Iranian names as "Latin|Persian" pairs; the other
 * countries' names are Latin with their own diacritics.
 */
enum Country {
    RS(
            "381",
            "RSD",
            List.of("Serbia", "Srbija", "Serbia"),
            List.of(
                    "Aleksandar",
                    "Marko",
                    "Nikola",
                    "Stefan",
                    "Milan",
                    "Dragan",
                    "Nenad",
                    "Jovan",
                    "Dušan",
                    "Miloš",
                    "Vladimir",
                    "Ivan",
                    "Đorđe",
                    "Luka",
                    "Zoran",
                    "Goran",
                    "Uroš",
                    "Filip",
                    "Branislav",
                    "Dejan"),
            List.of(
                    "Jelena",
                    "Milica",
                    "Ana",
                    "Marija",
                    "Jovana",
                    "Ivana",
                    "Katarina",
                    "Snežana",
                    "Dragana",
                    "Tijana",
                    "Teodora",
                    "Sanja",
                    "Maja",
                    "Nataša",
                    "Ljiljana",
                    "Gordana",
                    "Danijela",
                    "Aleksandra",
                    "Vesna",
                    "Đurđa"),
            List.of(
                    "Petrović",
                    "Jovanović",
                    "Nikolić",
                    "Marković",
                    "Đorđević",
                    "Stojanović",
                    "Ilić",
                    "Stanković",
                    "Pavlović",
                    "Milošević",
                    "Popović",
                    "Živković",
                    "Todorović",
                    "Kovačević",
                    "Lazić",
                    "Savić",
                    "Ristić",
                    "Mitrović",
                    "Đukić",
                    "Vuković",
                    "Ćirić",
                    "Lukić",
                    "Šarić",
                    "Janković",
                    "Radovanović",
                    "Kostić"),
            Map.ofEntries(
                    Map.entry("Aleksandar", "Saša"),
                    Map.entry("Aleksandra", "Saša"),
                    Map.entry("Jovan", "Joca"),
                    Map.entry("Vladimir", "Vlada"),
                    Map.entry("Đorđe", "Đole"),
                    Map.entry("Nenad", "Neša"),
                    Map.entry("Branislav", "Bane"),
                    Map.entry("Zoran", "Zoki"),
                    Map.entry("Katarina", "Kaća"),
                    Map.entry("Snežana", "Sneža"),
                    Map.entry("Jelena", "Jeca"),
                    Map.entry("Milica", "Mica"),
                    Map.entry("Dragana", "Gaga"),
                    Map.entry("Nikola", "Dzoni")),
            List.of(
                    "Beograd|11000|Grad Beograd",
                    "Novi Sad|21000|Južnobački okrug",
                    "Niš|18000|Nišavski okrug",
                    "Kragujevac|34000|Šumadijski okrug",
                    "Subotica|24000|Severnobački okrug",
                    "Čačak|32000|Moravički okrug",
                    "Zrenjanin|23000|Srednjebanatski okrug",
                    "Pančevo|26000|Južnobanatski okrug",
                    "Kraljevo|36000|Raški okrug",
                    "Valjevo|14000|Kolubarski okrug"),
            List.of(
                    "Bulevar kralja Aleksandra",
                    "Njegoševa",
                    "Cara Dušana",
                    "Vojvode Stepe",
                    "Kneza Miloša",
                    "Nemanjina",
                    "Takovska",
                    "Bulevar oslobođenja",
                    "Zmaj Jovina",
                    "Železnička",
                    "Karađorđeva",
                    "Svetog Save"),
            List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "eunet.rs", "sbb.rs", "hotmail.com", "mts.rs"),
            "rs",
            List.of("d.o.o.", "d.o.o. Beograd", "a.d.")),
    US(
            "1",
            "USD",
            List.of("United States", "USA", "United States of America"),
            List.of(
                    "James",
                    "Robert",
                    "John",
                    "Michael",
                    "William",
                    "David",
                    "Richard",
                    "Joseph",
                    "Thomas",
                    "Christopher",
                    "Daniel",
                    "Matthew",
                    "Anthony",
                    "Steven"),
            List.of(
                    "Mary",
                    "Patricia",
                    "Jennifer",
                    "Linda",
                    "Elizabeth",
                    "Barbara",
                    "Susan",
                    "Jessica",
                    "Sarah",
                    "Karen",
                    "Margaret",
                    "Katherine",
                    "Nancy",
                    "Rebecca"),
            List.of(
                    "Smith",
                    "Johnson",
                    "Williams",
                    "Brown",
                    "Jones",
                    "Garcia",
                    "Miller",
                    "Davis",
                    "Rodriguez",
                    "Martinez",
                    "Wilson",
                    "Anderson",
                    "Taylor",
                    "Thomas",
                    "Moore",
                    "Jackson",
                    "O'Brien",
                    "McDonald"),
            Map.ofEntries(
                    Map.entry("Robert", "Bob"),
                    Map.entry("William", "Bill"),
                    Map.entry("Richard", "Rick"),
                    Map.entry("James", "Jim"),
                    Map.entry("Michael", "Mike"),
                    Map.entry("Joseph", "Joe"),
                    Map.entry("Thomas", "Tom"),
                    Map.entry("Christopher", "Chris"),
                    Map.entry("Daniel", "Dan"),
                    Map.entry("Matthew", "Matt"),
                    Map.entry("David", "Dave"),
                    Map.entry("Anthony", "Tony"),
                    Map.entry("Steven", "Steve"),
                    Map.entry("Elizabeth", "Liz"),
                    Map.entry("Patricia", "Pat"),
                    Map.entry("Jennifer", "Jen"),
                    Map.entry("Margaret", "Peggy"),
                    Map.entry("Katherine", "Kate"),
                    Map.entry("Susan", "Sue"),
                    Map.entry("Rebecca", "Becky")),
            List.of(
                    "New York|10001|NY",
                    "Chicago|60601|IL",
                    "Austin|73301|TX",
                    "Seattle|98101|WA",
                    "Boston|02108|MA",
                    "Denver|80202|CO",
                    "Atlanta|30303|GA",
                    "San Diego|92101|CA"),
            List.of(
                    "Main St",
                    "Oak Ave",
                    "Maple Dr",
                    "Elm St",
                    "Park Ave",
                    "Washington Blvd",
                    "Lakeview Rd",
                    "Cedar Ln",
                    "Pine St",
                    "Sunset Blvd"),
            List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com"),
            "com",
            List.of("LLC", "Inc.", "& Sons Inc.")),
    GB(
            "44",
            "GBP",
            List.of("United Kingdom", "UK", "Great Britain"),
            List.of("Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Edward", "Henry"),
            List.of(
                    "Amelia",
                    "Olivia",
                    "Emily",
                    "Isla",
                    "Sophie",
                    "Charlotte",
                    "Elizabeth",
                    "Margaret",
                    "Victoria",
                    "Eleanor"),
            List.of(
                    "Smith",
                    "Jones",
                    "Taylor",
                    "Brown",
                    "Williams",
                    "Wilson",
                    "Davies",
                    "Evans",
                    "Thomas",
                    "Roberts",
                    "Walker",
                    "Wright",
                    "Hughes",
                    "Edwards",
                    "Green",
                    "Hall"),
            Map.ofEntries(
                    Map.entry("William", "Will"),
                    Map.entry("James", "Jim"),
                    Map.entry("Thomas", "Tom"),
                    Map.entry("Oliver", "Ollie"),
                    Map.entry("Edward", "Ted"),
                    Map.entry("Henry", "Harry"),
                    Map.entry("Elizabeth", "Beth"),
                    Map.entry("Margaret", "Maggie"),
                    Map.entry("Charlotte", "Lottie"),
                    Map.entry("Victoria", "Vicky"),
                    Map.entry("Eleanor", "Ellie")),
            List.of(
                    "London|SW1A|Greater London",
                    "London|E14|Greater London",
                    "Manchester|M1|Greater Manchester",
                    "Birmingham|B1|West Midlands",
                    "Leeds|LS1|West Yorkshire",
                    "Glasgow|G1|Glasgow City",
                    "Bristol|BS1|Bristol",
                    "Liverpool|L1|Merseyside"),
            List.of(
                    "High Street",
                    "Station Road",
                    "Church Lane",
                    "Victoria Road",
                    "Green Lane",
                    "Manor Road",
                    "Park Road",
                    "Queens Road"),
            List.of("gmail.com", "gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com", "yahoo.co.uk"),
            "co.uk",
            List.of("Ltd", "Ltd.", "PLC")),
    DE(
            "49",
            "EUR",
            List.of("Germany", "Deutschland", "Germany"),
            List.of(
                    "Lukas",
                    "Maximilian",
                    "Felix",
                    "Jonas",
                    "Leon",
                    "Paul",
                    "Johannes",
                    "Michael",
                    "Thomas",
                    "Stefan",
                    "Jürgen"),
            List.of(
                    "Anna",
                    "Lena",
                    "Sophie",
                    "Marie",
                    "Laura",
                    "Julia",
                    "Katharina",
                    "Elisabeth",
                    "Sabine",
                    "Ursula",
                    "Jülide"),
            List.of(
                    "Müller",
                    "Schmidt",
                    "Schneider",
                    "Fischer",
                    "Weber",
                    "Meyer",
                    "Wagner",
                    "Becker",
                    "Schulz",
                    "Hoffmann",
                    "Schäfer",
                    "Koch",
                    "Bauer",
                    "Richter",
                    "Klein",
                    "Wolf",
                    "Schröder",
                    "Neumann",
                    "Schwarz",
                    "Zimmermann",
                    "Krüger",
                    "Weiß"),
            Map.ofEntries(
                    Map.entry("Johannes", "Hans"),
                    Map.entry("Maximilian", "Max"),
                    Map.entry("Michael", "Micha"),
                    Map.entry("Thomas", "Tom"),
                    Map.entry("Katharina", "Kathi"),
                    Map.entry("Elisabeth", "Lisa"),
                    Map.entry("Stefan", "Steffen"),
                    Map.entry("Sabine", "Bine")),
            List.of(
                    "Berlin|10115|Berlin",
                    "München|80331|Bayern",
                    "Hamburg|20095|Hamburg",
                    "Köln|50667|Nordrhein-Westfalen",
                    "Frankfurt am Main|60311|Hessen",
                    "Stuttgart|70173|Baden-Württemberg",
                    "Leipzig|04109|Sachsen",
                    "Düsseldorf|40213|Nordrhein-Westfalen"),
            List.of(
                    "Hauptstraße",
                    "Bahnhofstraße",
                    "Schulstraße",
                    "Gartenstraße",
                    "Berliner Straße",
                    "Lindenstraße",
                    "Goethestraße",
                    "Friedrichstraße"),
            List.of("gmail.com", "gmx.de", "web.de", "t-online.de", "gmail.com", "outlook.de"),
            "de",
            List.of("GmbH", "GmbH & Co. KG", "AG")),
    LT(
            "370",
            "EUR",
            List.of("Lithuania", "Lietuva", "Lithuania"),
            List.of(
                    "Jonas",
                    "Lukas",
                    "Mantas",
                    "Tomas",
                    "Andrius",
                    "Darius",
                    "Paulius",
                    "Aleksandras",
                    "Mindaugas",
                    "Vytautas"),
            List.of("Rūta", "Eglė", "Gabija", "Austėja", "Ieva", "Jurgita", "Kristina", "Laura", "Aistė", "Giedrė"),
            // Male forms; female forms follow from them (see LithuanianSurnames).
            List.of(
                    "Kazlauskas",
                    "Jankauskas",
                    "Petrauskas",
                    "Stankevičius",
                    "Vasiliauskas",
                    "Žukauskas",
                    "Butkus",
                    "Paulauskas",
                    "Urbonas",
                    "Kavaliauskas",
                    "Balčiūnas",
                    "Navickas"),
            Map.ofEntries(
                    Map.entry("Aleksandras", "Aleksas"),
                    Map.entry("Vytautas", "Vytas"),
                    Map.entry("Mindaugas", "Mindė"),
                    Map.entry("Kristina", "Kristė"),
                    Map.entry("Jurgita", "Jurga")),
            List.of(
                    "Vilnius|01100|Vilniaus apskritis",
                    "Kaunas|44280|Kauno apskritis",
                    "Klaipėda|91100|Klaipėdos apskritis",
                    "Šiauliai|76200|Šiaulių apskritis",
                    "Panevėžys|35200|Panevėžio apskritis"),
            List.of(
                    "Gedimino pr.",
                    "Vilniaus g.",
                    "Laisvės al.",
                    "Pylimo g.",
                    "Savanorių pr.",
                    "Taikos pr.",
                    "Žalgirio g."),
            List.of("gmail.com", "gmail.com", "inbox.lt", "yahoo.com", "one.lt"),
            "lt",
            List.of("UAB", "MB")),
    ZA(
            "27",
            "ZAR",
            List.of("South Africa", "RSA", "Suid-Afrika"),
            List.of(
                    "Johannes",
                    "Pieter",
                    "Willem",
                    "Hendrik",
                    "Jacobus",
                    "Thabo",
                    "Sipho",
                    "Themba",
                    "Andre",
                    "Francois"),
            List.of(
                    "Anna",
                    "Maria",
                    "Elize",
                    "Marietjie",
                    "Annelie",
                    "Thandiwe",
                    "Nomsa",
                    "Lerato",
                    "Charlene",
                    "Susanna"),
            List.of(
                    "van der Merwe",
                    "Botha",
                    "Pretorius",
                    "du Plessis",
                    "Nel",
                    "Smit",
                    "Fourie",
                    "van Wyk",
                    "Nkosi",
                    "Dlamini",
                    "Mokoena",
                    "Naidoo",
                    "Venter",
                    "Coetzee"),
            Map.ofEntries(
                    Map.entry("Johannes", "Hannes"),
                    Map.entry("Pieter", "Piet"),
                    Map.entry("Willem", "Wim"),
                    Map.entry("Hendrik", "Henk"),
                    Map.entry("Jacobus", "Kobus"),
                    Map.entry("Susanna", "Sannie"),
                    Map.entry("Francois", "Frans"),
                    Map.entry("Charlene", "Charl")),
            List.of(
                    "Johannesburg|2001|Gauteng",
                    "Cape Town|8001|Western Cape",
                    "Pretoria|0002|Gauteng",
                    "Durban|4001|KwaZulu-Natal",
                    "Stellenbosch|7600|Western Cape",
                    "Bloemfontein|9301|Free State"),
            List.of(
                    "Kerk Street",
                    "Voortrekker Road",
                    "Main Road",
                    "Jan Smuts Avenue",
                    "Long Street",
                    "Church Street",
                    "Beach Road"),
            List.of("gmail.com", "gmail.com", "mweb.co.za", "webmail.co.za", "outlook.com", "telkomsa.net"),
            "co.za",
            List.of("(Pty) Ltd", "(Pty) Ltd.", "CC")),
    IR(
            "98",
            "EUR",
            List.of("Iran", "Iran, Islamic Republic of", "Iran"),
            List.of(
                    "Mohammad|محمد",
                    "Ali|علی",
                    "Reza|رضا",
                    "Hossein|حسین",
                    "Mehdi|مهدی",
                    "Amir|امیر",
                    "Hamid|حمید",
                    "Saeed|سعید"),
            List.of(
                    "Fatemeh|فاطمه",
                    "Zahra|زهرا",
                    "Maryam|مریم",
                    "Sara|سارا",
                    "Narges|نرگس",
                    "Leila|لیلا",
                    "Shirin|شیرین",
                    "Parisa|پریسا"),
            List.of(
                    "Mohammadi|محمدی",
                    "Hosseini|حسینی",
                    "Ahmadi|احمدی",
                    "Rezaei|رضایی",
                    "Karimi|کریمی",
                    "Moradi|مرادی",
                    "Jafari|جعفری",
                    "Rahimi|رحیمی",
                    "Kazemi|کاظمی",
                    "Hashemi|هاشمی"),
            // Romanization variants rather than nicknames: the same Persian name, spelled as another clerk would.
            Map.ofEntries(
                    Map.entry("Mohammad", "Mohammed"),
                    Map.entry("Hossein", "Hosein"),
                    Map.entry("Saeed", "Said"),
                    Map.entry("Mehdi", "Mahdi"),
                    Map.entry("Fatemeh", "Fatima"),
                    Map.entry("Leila", "Leyla"),
                    Map.entry("Hosseini", "Hoseini"),
                    Map.entry("Rezaei", "Rezaie"),
                    Map.entry("Mohammadi", "Mohamadi")),
            List.of(
                    "Tehran|11|Tehran",
                    "Isfahan|81|Isfahan",
                    "Shiraz|71|Fars",
                    "Mashhad|91|Razavi Khorasan",
                    "Tabriz|51|East Azerbaijan"),
            List.of("Valiasr St", "Enghelab St", "Azadi Ave", "Shariati St", "Ferdowsi St", "Hafez St"),
            List.of("gmail.com", "gmail.com", "yahoo.com", "chmail.ir"),
            "ir",
            List.of("Co.", "Trading Co.")),
    RU(
            "7",
            "EUR",
            List.of("Russia", "Russian Federation", "Россия"),
            List.of("Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Иван", "Михаил", "Николай", "Юрий"),
            List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Екатерина", "Светлана", "Юлия"),
            // Male forms; the female form adds "а".
            List.of(
                    "Иванов",
                    "Смирнов",
                    "Кузнецов",
                    "Попов",
                    "Соколов",
                    "Лебедев",
                    "Козлов",
                    "Новиков",
                    "Морозов",
                    "Волков",
                    "Соловьёв"),
            Map.ofEntries(
                    Map.entry("Александр", "Саша"),
                    Map.entry("Дмитрий", "Дима"),
                    Map.entry("Иван", "Ваня"),
                    Map.entry("Михаил", "Миша"),
                    Map.entry("Алексей", "Лёша"),
                    Map.entry("Николай", "Коля"),
                    Map.entry("Екатерина", "Катя"),
                    Map.entry("Наталья", "Наташа"),
                    Map.entry("Татьяна", "Таня"),
                    Map.entry("Светлана", "Света"),
                    Map.entry("Мария", "Маша"),
                    Map.entry("Елена", "Лена"),
                    Map.entry("Юлия", "Юля")),
            List.of(
                    "Москва|101000|Москва",
                    "Санкт-Петербург|190000|Санкт-Петербург",
                    "Новосибирск|630000|Новосибирская область",
                    "Екатеринбург|620000|Свердловская область",
                    "Казань|420000|Республика Татарстан"),
            List.of("ул. Тверская", "ул. Ленина", "пр. Мира", "ул. Садовая", "ул. Пушкина", "Невский пр."),
            List.of("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "rambler.ru"),
            "ru",
            List.of("ООО", "АО"));

    private final String callingCode;
    private final String currency;
    private final List<String> countryNames;
    private final List<String> maleNames;
    private final List<String> femaleNames;
    private final List<String> lastNames;
    private final Map<String, String> nicknames;
    private final List<String> cities;
    private final List<String> streets;
    private final List<String> emailDomains;
    private final String topLevelDomain;
    private final List<String> companySuffixes;

    Country(
            String callingCode,
            String currency,
            List<String> countryNames,
            List<String> maleNames,
            List<String> femaleNames,
            List<String> lastNames,
            Map<String, String> nicknames,
            List<String> cities,
            List<String> streets,
            List<String> emailDomains,
            String topLevelDomain,
            List<String> companySuffixes) {
        this.callingCode = callingCode;
        this.currency = currency;
        this.countryNames = countryNames;
        this.maleNames = maleNames;
        this.femaleNames = femaleNames;
        this.lastNames = lastNames;
        this.nicknames = nicknames;
        this.cities = cities;
        this.streets = streets;
        this.emailDomains = emailDomains;
        this.topLevelDomain = topLevelDomain;
        this.companySuffixes = companySuffixes;
    }

    /** Share of the company's customers per country: a Serbian web shop that sells abroad. */
    static Country pick(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.40) {
            return RS;
        } else if (r < 0.52) {
            return US;
        } else if (r < 0.62) {
            return GB;
        } else if (r < 0.74) {
            return DE;
        } else if (r < 0.81) {
            return LT;
        } else if (r < 0.88) {
            return ZA;
        } else if (r < 0.93) {
            return IR;
        }
        return RU;
    }

    String currency() {
        return currency;
    }

    /** The country as a person types it into a web form; the first spelling is the CRM picklist value. */
    String countryName(SplittableRandom random) {
        return random.nextDouble() < 0.85 ? countryNames.get(0) : pickFrom(countryNames, random);
    }

    List<String> countryNames() {
        return countryNames;
    }

    String firstName(boolean female, SplittableRandom random) {
        return pickFrom(female ? femaleNames : maleNames, random);
    }

    String lastName(boolean female, SplittableRandom random) {
        String male = pickFrom(lastNames, random);
        return female ? FamilyNames.femaleForm(this, male, false) : male;
    }

    /** A nickname or alternative spelling, or null when the name has none. */
    String nickname(String name) {
        return nicknames.get(name);
    }

    String[] city(SplittableRandom random) {
        return pickFrom(cities, random).split("\\|");
    }

    String street(SplittableRandom random) {
        return pickFrom(streets, random);
    }

    String emailDomain(SplittableRandom random) {
        return pickFrom(emailDomains, random);
    }

    String topLevelDomain() {
        return topLevelDomain;
    }

    String companySuffix(SplittableRandom random) {
        return pickFrom(companySuffixes, random);
    }

    String callingCode() {
        return callingCode;
    }

    static <T> T pickFrom(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
