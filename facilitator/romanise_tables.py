"""Tables for facilitator.romanise: how names in other scripts are written in Latin letters.

Each table is data, small and written by hand, with its source. The logic that reads them is in
facilitator/romanise.py. Nothing here is computed at import time beyond plain literals.

Notation of the transliteration schemes (`*_SCHEME` strings): pairs "cyrillic latin" separated by
white space. "a|b" lists the spellings in use, most usual first; "-" is nothing. A context mark
before the key narrows it: "^е" at the start of a word, "+е" after a vowel or a soft/hard sign,
"*ё" after ж ч ш щ ц, "~с" between two vowels; "ий$" at the end of a word. Longer keys win.
"""

from __future__ import annotations

# --- Cyrillic -------------------------------------------------------------------------------------------

# Russian (also the default for Cyrillic without letters of another language).

# Common English usage: Wikipedia's simplified BGN/PCGN, with the alternatives people type
# ("Natalia"/"Nataliya", "Dmitri"/"Dmitrii", "Alexei"/"Aleksey", "Fyodor"/"Fedor"/"Fiodor").
RU_ENGLISH = """
а a  б b  в v  г g  д d  е e  ^е ye|e|ie  +е ye|e|ie  ё yo|e|io  ^ё yo|e  +ё yo|e  *ё e|o|yo
ж zh  з z  и i  й y|i  к k  кс ks|x  л l  м m  н n  о o  п p  р r  с s  т t  у u  ф f  х kh
ц ts  ч ch  ш sh  щ shch  ъ -  ы y  ь -  э e  ю yu  я ya
ье ye|ie  ьё yo  ьи yi  ья ya|ia|iya  ью yu|iu  ьо yo
ий$ y|iy|ii|i  ый$ y|yy|yi|iy  ей$ ey|ei  ой$ oy|oi  ай$ ai|ay  ия$ iya|ia  ов$ ov|off
"""

# BGN/PCGN 1947 Russian, with the apostrophes (ь ъ) and the diaeresis of ë dropped.
RU_BGN = """
а a  б b  в v  г g  д d  е e  ^е ye  +е ye  ё e  ^ё ye  +ё ye  ж zh  з z  и i  й y  к k  л l  м m
н n  о o  п p  р r  с s  т t  у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ъ -  ы y  ь -  э e  ю yu  я ya
"""

# ALA-LC (Library of Congress) romanisation, ligature ties and breves dropped; the same as
# ICAO Doc 9303 (Russian passports since 2013) for nearly every name.
RU_ALA_LC = """
а a  б b  в v  г g  д d  е e  ё e  ж zh  з z  и i  й i  к k  л l  м m  н n  о o  п p  р r  с s  т t
у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ъ -  ы y  ь -  э e  ю iu  я ia
"""

# ISO 9:1995 with the diacritics dropped (š -> s, č -> c, ž -> z, â -> a, û -> u).
RU_ISO9 = """
а a  б b  в v  г g  д d  е e  ё e  ж z  з z  и i  й j  к k  л l  м m  н n  о o  п p  р r  с s  т t
у u  ф f  х h  ц c  ч c  ш s  щ s  ъ -  ы y  ь -  э e  ю u  я a
"""

# Scholarly (scientific) transliteration with its háček letters written as digraphs (š -> sh).
RU_SCHOLARLY = """
а a  б b  в v  г g  д d  е e  ё e  ж zh  з z  и i  й j  к k  л l  м m  н n  о o  п p  р r  с s  т t
у u  ф f  х ch  ц c  ч ch  ш sh  щ shch  ъ -  ы y  ь -  э e  ю ju  я ja
"""

# French usage (Le Monde / AFP): ou, ch, tch, j, "gu" before e/i, ss between vowels, -ine.
RU_FRENCH = """
а a  б b  в v  г g  ге gue  ги gui  гы guy  д d  е e  +е ie  ё io  ^ё io  +ё io  *ё o  ж j  з z
и i  й i  к k  кс x  л l  м m  н n  о o  п p  р r  с s  ~с ss  т t  у ou  ф f  х kh  ц ts  ч tch
ш ch  щ chtch  ъ -  ы y  ь -  ье ie  ьё io  ьи i  ья ia  ью iou  э e  ю iou  я ia
ий$ i  ый$ y  ой$ oi  ей$ ei  ай$ ai  ин$ ine
"""

# German transcription (Duden): w, s, z, sch, tsch, ch, j.
RU_GERMAN = """
а a  б b  в w  г g  д d  е e  ^е je  +е je  ё jo  ^ё jo  +ё jo  *ё o  ж sch  з s  и i  й j  к k
кс x  л l  м m  н n  о o  п p  р r  с s  ~с ss  т t  у u  ф f  х ch  ц z  ч tsch  ш sch  щ schtsch
ъ -  ы y  ь -  ье je  ьё jo  ьи ji  ья ja  ью ju  э e  ю ju  я ja
ий$ i  ый$ y  ой$ oi  ей$ ej  ай$ ai
"""

# Bulgarian: the Streamlined System (official since 2009; also BGN/PCGN 2013): щ sht, ъ a, х h.
BG_STREAMLINED = """
а a  б b  в v  г g  д d  е e  ж zh  з z  и i  й y  к k  л l  м m  н n  о o  п p  р r  с s  т t
у u  ф f  х h  ц ts  ч ch  ш sh  щ sht  ъ a  ь -  ьо yo  ю yu  я ya  ия$ ia
"""

# Ukrainian: the national system (Cabinet of Ministers resolution 55, 2010), used in passports.
UK_NATIONAL = """
а a  б b  в v  г h  ґ g  д d  е e  є ie  ^є ye  ж zh  з z  зг zgh  и y  і i  ї i  ^ї yi  й i  ^й y
к k  л l  м m  н n  о o  п p  р r  с s  т t  у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ь -  ' -  ’ -
ю iu  ^ю yu  я ia  ^я ya
"""

# Ukrainian in English usage (press, older passports, Russian-style g).
UK_ENGLISH = """
а a  б b  в v  г h|g  ґ g  д d  е e  є ye|ie|e  ^є ye|e  ж zh  з z  и y|i  і i  ї yi|i  й y|i  к k
л l  м m  н n  о o  п p  р r  с s  т t  у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ь -  ' -  ’ -
ю yu|iu  я ya|ia  ий$ y|yy|yi|iy  ій$ iy|ii|i  ія$ iya|ia|iia
"""

# Ukrainian in French usage (Le Monde / AFP).
UK_FRENCH = """
а a  б b  в v  г h  ґ g  д d  е e  є ie  ж j  з z  и y|i  і i  ї i  й i  к k  л l  м m  н n  о o
п p  р r  с s  ~с ss  т t  у ou  ф f  х kh  ц ts  ч tch  ш ch  щ chtch  ь -  ' -  ’ -  ю iou  я ia
ий$ y  ій$ i
"""

# Ukrainian in German transcription (Duden).
UK_GERMAN = """
а a  б b  в w  г h  ґ g  д d  е e  є je  ж sch  з s  и y  і i  ї ji  й j  к k  л l  м m  н n  о o
п p  р r  с s  ~с ss  т t  у u  ф f  х ch  ц z  ч tsch  ш sch  щ schtsch  ь -  ' -  ’ -  ю ju  я ja
ий$ yj
"""

# Ukrainian scientific transliteration with the diacritics dropped (č -> c, š -> s).
UK_SCHOLARLY = """
а a  б b  в v  г h  ґ g  д d  е e  є je  ж z  з z  и y  і i  ї ji  й j  к k  л l  м m  н n  о o
п p  р r  с s  т t  у u  ф f  х ch  ц c  ч c  ш s  щ sc  ь -  ' -  ’ -  ю ju  я ja
"""

# Belarusian: the national system (2007) as written in passports, ў as u ("Tsikhanouskaya").
BE_NATIONAL = """
а a  б b  в v  г h  д d  е ie  ^е ye  +е ye  ё io  ^ё yo  +ё yo  ж zh  з z  і i  й y  к k  л l  м m
н n  о o  п p  р r  с s  т t  у u  ў u  ф f  х kh  ц ts  ч ch  ш sh  ы y  ь -  ' -  ’ -  э e
ю iu  ^ю yu  +ю yu  я ia  ^я ya  +я ya
"""

# Belarusian: BGN/PCGN 1979 (ў as w, ya/ye/yu).
BE_BGN = """
а a  б b  в v  г h  д d  е e  ^е ye  +е ye  ё e  ^ё yo  +ё yo  ж zh  з z  і i  й y  к k  л l  м m
н n  о o  п p  р r  с s  т t  у u  ў w  ф f  х kh  ц ts  ч ch  ш sh  ы y  ь -  ' -  ’ -  э e  ю yu  я ya
"""

# Belarusian in German transcription (Duden).
BE_GERMAN = """
а a  б b  в w  г h  д d  е e  ^е je  +е je  ё jo  ж sch  з s  і i  й j  к k  л l  м m  н n  о o
п p  р r  с s  ~с ss  т t  у u  ў u  ф f  х ch  ц z  ч tsch  ш sch  ы y  ь -  ' -  ’ -  э e  ю ju  я ja
"""

# Belarusian in French usage.
BE_FRENCH = """
а a  б b  в v  г h  д d  е e  +е ie  ё io  ж j  з z  і i  й i  к k  л l  м m  н n  о o  п p  р r
с s  ~с ss  т t  у ou  ў u  ф f  х kh  ц ts  ч tch  ш ch  ы y  ь -  ' -  ’ -  э e  ю iou  я ia
"""

# Serbian and Macedonian Cyrillic: Gaj's Latin alphabet (the official Latin script) written without
# its diacritics, with the English alternatives (Djokovic, Dokovic, Djokovich).
SR_LATIN = """
а a  б b  в v  г g  д d  ђ dj|d  ѓ gj|g  е e  ж z|zh  з z  ѕ dz  и i  ј j  к k  ќ kj|c|k  л l  љ lj
м m  н n  њ nj  о o  п p  р r  с s  т t  ћ c|ch  у u  ф f  х h  ц c  ч c|ch  џ dz|dzh|j  ш s|sh
ић$ ic|ich  ич$ ic|ich
"""

# Polish usage for Russian names (Polish press and passports): w, sz, cz, szcz, ch, c, j, ie.
RU_POLISH = """
а a  б b  в w  г g  д d  е e  ^е je  +е je  ё io  ^ё jo  +ё jo  *ё o  ж ż  з z  и i  й j  к k  л ł
ль l  м m  н n  о o  п p  р r  с s  т t  у u  ф f  х ch  ц c  ч cz  ш sz  щ szcz  ъ -  ы y  ь -
э e  ю iu  ^ю ju  +ю ju  я ia  ^я ja  +я ja  ий$ ij  ый$ y
"""

# Polish usage for Ukrainian names (Szewczenko, Kowalczuk, Poliszczuk).
UK_POLISH = """
а a  б b  в w  г h  ґ g  д d  е e  є je  ж ż  з z  и y  і i  ї ji  й j  к k  л ł  ль l  м m  н n
о o  п p  р r  с s  т t  у u  ф f  х ch  ц c  ч cz  ш sz  щ szcz  ь -  ' -  ’ -  ю iu  ^ю ju  +ю ju
я ia  ^я ja  +я ja  ий$ yj
"""

# Cyrillic letters of each language, for telling them apart.
UKRAINIAN_LETTERS = "ґєї"
BELARUSIAN_LETTERS = "ў"
SERBIAN_LETTERS = "ђјљњћџѓќѕ"
RUSSIAN_ONLY_LETTERS = "ыэё"  # absent from Bulgarian

# --- Greek ----------------------------------------------------------------------------------------------

# ELOT 743 (ISO 843 transcription, 2001) first, then the usual phonetic spellings
# ("Yiorgos", "Hristos", "Kiriakos", "Demetris").
GREEK_LETTERS = {
    "α": ("a",), "β": ("v",), "γ": ("g",), "δ": ("d",), "ε": ("e",), "ζ": ("z",), "η": ("i", "e"),
    "θ": ("th",), "ι": ("i",), "κ": ("k",), "λ": ("l",), "μ": ("m",), "ν": ("n",), "ξ": ("x", "ks"),
    "ο": ("o",), "π": ("p",), "ρ": ("r",), "σ": ("s",), "ς": ("s",), "τ": ("t",), "υ": ("y", "i"),
    "φ": ("f", "ph"), "χ": ("ch", "h", "kh"), "ψ": ("ps",), "ω": ("o",),
}
GREEK_PAIRS = {
    "αι": ("ai", "e"), "ει": ("ei", "i"), "οι": ("oi", "i"), "υι": ("yi", "i"), "ου": ("ou",),
    "γγ": ("ng", "gg"), "γξ": ("nx",), "γχ": ("nch",), "τσ": ("ts",), "τζ": ("tz",),
}
# At the start of a word / inside it.
GREEK_NASAL_PAIRS = {
    "μπ": (("b", "mp"), ("mp", "b", "mb")),
    "ντ": (("d", "nt"), ("nt", "d", "nd")),
    "γκ": (("g", "gk"), ("gk", "ng", "g")),
}
# The older anglicised spelling, a scheme of its own: c for κ, e for οι, ph for φ ("Constantinou",
# "Economou", "Nicolaou", "Philippou"); every other letter as in ELOT 743.
GREEK_ANGLICISED = {"κ": ("c",), "οι": ("e",), "φ": ("ph",)}
GREEK_VOICELESS = set("θκξπσςτφχψ")  # αυ ευ ηυ are af ef if before these or at the end; av ev iv otherwise
GREEK_VOWELS = set("αεηιουω")

# --- Arabic ---------------------------------------------------------------------------------------------

# The Arabic script omits short vowels, so a letter table cannot spell a name: the usual Latin
# spellings of common given names and family names come from this table (keyed by the Arabic
# spelling, without the article "ال"; most usual English spelling first, then the French and other
# spellings seen in the press and in passports). Compiled by hand from common usage.
ARABIC_NAMES = {
    # given names
    "محمد": ("Muhammad", "Mohammed", "Mohamed", "Mohammad", "Muhammed", "Mohamad"),
    "أحمد": ("Ahmad", "Ahmed"),
    "محمود": ("Mahmoud", "Mahmud", "Mahmood"),
    "مصطفى": ("Mustafa", "Mostafa", "Moustafa", "Mustapha"),
    "علي": ("Ali",),
    "حسن": ("Hassan", "Hasan"),
    "حسين": ("Hussein", "Hussain", "Husain", "Hossein", "Husayn"),
    "عمر": ("Omar", "Umar"),
    "عثمان": ("Othman", "Osman", "Uthman", "Usman"),
    "خالد": ("Khalid", "Khaled"),
    "سعيد": ("Said", "Saeed", "Saied"),
    "سعد": ("Saad",),
    "إبراهيم": ("Ibrahim", "Ebrahim", "Brahim"),
    "إسماعيل": ("Ismail", "Ismael", "Esmail"),
    "يوسف": ("Youssef", "Yousef", "Yusuf", "Youssouf", "Yousif", "Yusef"),
    "يونس": ("Younes", "Younis", "Yunus", "Younus"),
    "يحيى": ("Yahya", "Yahia", "Yehia"),
    "يعقوب": ("Yaqub", "Yacoub", "Yakub", "Yaqoob"),
    "أيوب": ("Ayoub", "Ayyub", "Ayoob"),
    "موسى": ("Musa", "Moussa", "Mousa"),
    "عيسى": ("Issa", "Isa", "Eissa"),
    "سليمان": ("Sulaiman", "Suleiman", "Soliman", "Sulayman", "Slimane"),
    "داود": ("Dawud", "Daoud", "Dawood", "Daud"),
    "صالح": ("Saleh", "Salih"),
    "طارق": ("Tariq", "Tarek", "Tarik"),
    "فاروق": ("Farouk", "Faruq", "Farooq", "Farouq"),
    "كريم": ("Karim", "Kareem"),
    "جمال": ("Jamal", "Gamal", "Djamal"),
    "كمال": ("Kamal",),
    "فيصل": ("Faisal", "Faysal", "Faycal"),
    "نبيل": ("Nabil", "Nabeel"),
    "وليد": ("Walid", "Waleed"),
    "رشيد": ("Rashid", "Rachid", "Rasheed"),
    "مجيد": ("Majid", "Majeed", "Madjid"),
    "ماجد": ("Majed", "Majid"),
    "حميد": ("Hamid", "Hameed"),
    "حامد": ("Hamed", "Hamid"),
    "عادل": ("Adel", "Adil"),
    "عماد": ("Imad", "Emad"),
    "ياسر": ("Yasser", "Yasir", "Yaser"),
    "ياسين": ("Yassin", "Yassine", "Yasin", "Yaseen"),
    "أمين": ("Amin", "Ameen", "Amine"),
    "أنور": ("Anwar", "Anouar"),
    "أسامة": ("Osama", "Usama", "Oussama"),
    "بشار": ("Bashar", "Bachar"),
    "بشير": ("Bashir", "Bachir", "Basheer"),
    "توفيق": ("Tawfiq", "Tawfik", "Toufik", "Tewfik"),
    "جعفر": ("Jafar", "Jaafar", "Djafar"),
    "حمزة": ("Hamza", "Hamzah"),
    "حبيب": ("Habib", "Habeeb"),
    "حافظ": ("Hafez", "Hafiz"),
    "حكيم": ("Hakim", "Hakeem"),
    "خليل": ("Khalil", "Khaleel"),
    "رامي": ("Rami", "Ramy"),
    "رياض": ("Riad", "Riyad", "Riyadh"),
    "زكريا": ("Zakaria", "Zakariya", "Zakariyya"),
    "زياد": ("Ziad", "Ziyad"),
    "سامي": ("Sami", "Samy"),
    "سالم": ("Salem", "Salim"),
    "سليم": ("Salim", "Selim", "Saleem"),
    "سمير": ("Samir", "Sameer"),
    "شريف": ("Sharif", "Sherif", "Cherif"),
    "صلاح": ("Salah",),
    "عاطف": ("Atef", "Atif"),
    "عزيز": ("Aziz",),
    "علاء": ("Alaa", "Ala"),
    "عمار": ("Ammar", "Amar"),
    "عمرو": ("Amr", "Amro"),
    "عصام": ("Issam", "Essam"),
    "غسان": ("Ghassan",),
    "فادي": ("Fadi", "Fady"),
    "فؤاد": ("Fouad", "Fuad"),
    "فتحي": ("Fathi", "Fathy", "Fethi"),
    "فريد": ("Farid", "Fareed"),
    "قاسم": ("Qasim", "Kassem", "Qassem", "Kasim", "Qassim", "Kacem"),
    "مالك": ("Malik", "Malek"),
    "مازن": ("Mazen", "Mazin"),
    "منير": ("Mounir", "Munir", "Monir"),
    "منصور": ("Mansour", "Mansur", "Mansoor"),
    "مروان": ("Marwan",),
    "مراد": ("Mourad", "Murad"),
    "نادر": ("Nader", "Nadir"),
    "ناصر": ("Nasser", "Nasir", "Naser"),
    "هشام": ("Hisham", "Hicham", "Hesham"),
    "هاني": ("Hani", "Hany"),
    "وائل": ("Wael", "Wail"),
    "بلال": ("Bilal", "Belal"),
    "أيمن": ("Ayman", "Aymen"),
    "أكرم": ("Akram",),
    "أشرف": ("Ashraf", "Achraf"),
    "إدريس": ("Idris", "Driss", "Idriss"),
    "رضا": ("Reda", "Rida", "Ridha"),
    "نجيب": ("Najib", "Naguib", "Nagib"),
    "طه": ("Taha",),
    "هيثم": ("Haitham", "Haytham"),
    "سلمان": ("Salman", "Salmane"),
    "بكر": ("Bakr", "Bakir", "Baker"),
    "جاسم": ("Jassim", "Jasim", "Jassem"),
    "ناجي": ("Naji", "Nagi"),
    "نايف": ("Nayef", "Naif"),
    "تركي": ("Turki",),
    "بندر": ("Bandar",),
    "سلطان": ("Sultan", "Soltan"),
    "راشد": ("Rashed", "Rashid", "Rached"),
    "طلال": ("Talal",),
    "نواف": ("Nawaf",),
    "فهد": ("Fahd", "Fahad"),
    "سعود": ("Saud", "Saoud"),
    "زيد": ("Zaid", "Zayd", "Zeid"),
    "حازم": ("Hazem", "Hazim"),
    "حاتم": ("Hatem", "Hatim"),
    "شادي": ("Shadi", "Chadi"),
    "حسام": ("Hussam", "Hossam", "Houssam"),
    "ربيع": ("Rabih", "Rabie", "Rabia"),
    "سيف": ("Saif", "Seif", "Sayf"),
    "مهدي": ("Mahdi", "Mehdi"),
    "مختار": ("Mokhtar", "Mukhtar"),
    "بدر": ("Badr", "Bader"),
    "أنس": ("Anas",),
    "عدنان": ("Adnan",),
    "لؤي": ("Louay", "Luay", "Loay"),
    "نزار": ("Nizar", "Nezar"),
    "معاذ": ("Muath", "Moaz", "Muadh", "Mouad"),
    "عمران": ("Imran", "Omran"),
    "غازي": ("Ghazi",),
    "قيس": ("Qais", "Kais", "Qays"),
    "رائد": ("Raed", "Raid"),
    "مهند": ("Mohannad", "Muhannad"),
    "جواد": ("Jawad", "Djawad"),
    "كاظم": ("Kazem", "Kadhim", "Kazim"),
    "صادق": ("Sadiq", "Sadek", "Sadegh"),
    "جلال": ("Jalal", "Djalal", "Galal"),
    "نصر": ("Nasr",),
    "شاكر": ("Shaker", "Shakir", "Chaker"),
    "صابر": ("Saber", "Sabir"),
    "ضياء": ("Diaa", "Dia", "Diya"),
    "سيد": ("Sayed", "Sayyid", "Sayyed"),
    "عبد الله": ("Abdullah", "Abdallah", "Abdulla", "Abd Allah"),
    "عبد الرحمن": ("Abdulrahman", "Abdelrahman", "Abdul Rahman", "Abdel Rahman", "Abd al-Rahman",
                   "Abderrahmane", "Abdurrahman"),
    "عبد العزيز": ("Abdulaziz", "Abdelaziz", "Abdul Aziz", "Abdel Aziz", "Abd al-Aziz"),
    "عبد القادر": ("Abdelkader", "Abdulqadir", "Abdul Qadir", "Abdel Kader", "Abd al-Qadir"),
    # the second half of "Abd al-..." names
    "رحمن": ("Rahman",),
    "رحيم": ("Rahim", "Raheem"),
    "قادر": ("Qadir", "Kader", "Qader", "Kadir"),
    "لطيف": ("Latif", "Lateef"),
    "سلام": ("Salam", "Sallam"),
    "رزاق": ("Razzaq", "Razak", "Rezak"),
    "غني": ("Ghani",),
    "هادي": ("Hadi", "Hady"),
    "ملك": ("Malik", "Malek"),
    "منعم": ("Moneim", "Munim"),
    "وهاب": ("Wahab", "Wahhab"),
    "فتاح": ("Fattah",),
    "ستار": ("Sattar",),
    "رؤوف": ("Raouf", "Rauf"),
    "إله": ("Ilah", "Elah"),
    "دين": ("Din", "Deen", "Dine"),
    # women's names
    "فاطمة": ("Fatima", "Fatma", "Fatimah", "Fatema"),
    "عائشة": ("Aisha", "Aicha", "Ayesha", "Aysha"),
    "خديجة": ("Khadija", "Khadidja", "Khadijah"),
    "مريم": ("Maryam", "Mariam", "Meriem", "Myriam"),
    "زينب": ("Zainab", "Zeinab", "Zaynab", "Zineb"),
    "ليلى": ("Layla", "Leila", "Laila", "Leyla"),
    "نور": ("Nour", "Noor", "Nur"),
    "سارة": ("Sara", "Sarah"),
    "هدى": ("Huda", "Houda", "Hoda"),
    "رانيا": ("Rania", "Ranya"),
    "سلمى": ("Salma", "Selma"),
    "أمل": ("Amal",),
    "منى": ("Mona", "Muna", "Mouna"),
    "نادية": ("Nadia", "Nadiya"),
    "سمية": ("Sumaya", "Soumaya", "Sumayyah"),
    "هند": ("Hind", "Hend"),
    "ياسمين": ("Yasmin", "Yasmine"),
    "نسرين": ("Nisreen", "Nesrine", "Nasrin"),
    "رشا": ("Rasha", "Racha"),
    "إيمان": ("Iman", "Eman", "Imane"),
    "سناء": ("Sanaa", "Sana"),
    "وفاء": ("Wafa", "Wafaa"),
    "حنان": ("Hanan", "Hanane"),
    "جميلة": ("Jamila", "Djamila", "Gamila", "Jameela"),
    "نعيمة": ("Naima", "Naeema"),
    "كريمة": ("Karima", "Kareema"),
    "لطيفة": ("Latifa", "Lateefa"),
    "سعاد": ("Souad", "Suad", "Soad"),
    "نوال": ("Nawal",),
    "أسماء": ("Asma", "Asmaa"),
    "شيماء": ("Shaimaa", "Chaimae", "Shaima"),
    "آمنة": ("Amina", "Aminah", "Amna"),
    "رقية": ("Ruqayya", "Roqaya"),
    "صفية": ("Safia", "Safiya"),
    "غادة": ("Ghada",),
    "لمياء": ("Lamia", "Lamiaa"),
    "عبير": ("Abeer", "Abir"),
    "ريم": ("Reem", "Rim"),
    "هبة": ("Heba", "Hiba"),
    "ريما": ("Rima", "Reema"),
    "رزان": ("Razan",),
    "تسنيم": ("Tasnim", "Tasneem"),
    "بشرى": ("Bushra", "Bouchra"),
    "زهرة": ("Zahra", "Zohra"),
    "حليمة": ("Halima", "Halimah"),
    "وداد": ("Widad", "Ouidad"),
    "نجوى": ("Najwa", "Nagwa"),
    "سهام": ("Siham", "Seham"),
    "سميرة": ("Samira", "Sameera"),
    "أميرة": ("Amira", "Ameera"),
    "نبيلة": ("Nabila", "Nabeela"),
    "خولة": ("Khawla", "Khaoula", "Khaola"),
    # family names (without the article; see ARABIC_ARTICLE)
    "هاشمي": ("Hashimi", "Hashemi", "Hachemi", "Hashmi"),
    "قدومي": ("Qaddoumi", "Kaddoumi", "Qaddumi", "Kaddumi", "Qadoumi"),
    "منصوري": ("Mansouri", "Mansoori", "Mansuri"),
    "شامي": ("Shami", "Chami"),
    "مصري": ("Masri", "Masry"),
    "حلبي": ("Halabi",),
    "بغدادي": ("Baghdadi",),
    "تميمي": ("Tamimi",),
    "عتيبي": ("Otaibi", "Utaibi", "Oteibi"),
    "قحطاني": ("Qahtani", "Kahtani"),
    "شمري": ("Shammari", "Shamari"),
    "دوسري": ("Dosari", "Dossary", "Dawsari"),
    "غامدي": ("Ghamdi",),
    "زهراني": ("Zahrani",),
    "مطيري": ("Mutairi", "Mutairy", "Motairi"),
    "خطيب": ("Khatib", "Khateeb"),
    "نجار": ("Najjar", "Naggar", "Nadjar"),
    "حداد": ("Haddad",),
    "خوري": ("Khoury", "Khouri", "Khuri"),
    "صباغ": ("Sabbagh", "Sabbag"),
    "عطار": ("Attar",),
    "بيطار": ("Bitar", "Baytar"),
    "حسيني": ("Husseini", "Husaini", "Hosseini", "Husayni"),
    "حسني": ("Hosni", "Husni"),
    "عباس": ("Abbas",),
    "عثماني": ("Othmani", "Osmani"),
    "نعيمي": ("Nuaimi", "Naimi", "Nuaymi"),
    "سويدي": ("Suwaidi", "Sweidi"),
    "كعبي": ("Kaabi",),
    "قاسمي": ("Qasimi", "Qassimi", "Kasimi"),
    "خليفة": ("Khalifa", "Khalifah"),
    "صباح": ("Sabah",),
    "جابر": ("Jaber", "Jabir"),
    "زيدي": ("Zaidi", "Zaydi"),
    "شهري": ("Shehri", "Shahri"),
    "عمري": ("Omari", "Amri", "Umari"),
    "عمراني": ("Amrani", "Omrani"),
    "إدريسي": ("Idrissi", "Idrisi"),
    "علوي": ("Alaoui", "Alawi", "Alavi"),
    "فاسي": ("Fassi", "Fasi"),
    "بناني": ("Bennani", "Banani"),
    "طاهري": ("Taheri", "Tahiri"),
    "أيوبي": ("Ayoubi", "Ayyubi"),
    "جعفري": ("Jaafari", "Jafari"),
    "حريري": ("Hariri",),
    "جميل": ("Jamil", "Gamil", "Jameel"),
    "عون": ("Aoun", "Awn"),
    "شهاب": ("Shihab", "Chehab", "Shehab"),
    "أسد": ("Assad", "Asad"),
    "مبارك": ("Mubarak", "Moubarak"),
    "قذافي": ("Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Kaddafi", "Qadhafi"),
    "عرفات": ("Arafat",),
    "حمدان": ("Hamdan",),
    "زايد": ("Zayed", "Zaid"),
    "مرسي": ("Morsi", "Mursi", "Morsy"),
    "سادات": ("Sadat",),
    "موسوي": ("Mousavi", "Musawi", "Moussaoui"),
    "نصر الله": ("Nasrallah", "Nasrullah"),
    "حمد": ("Hamad",),
    "عطية": ("Attia", "Atiyah", "Atiyeh"),
    "زعبي": ("Zoubi", "Zoabi", "Zubi"),
    "نابلسي": ("Nabulsi", "Naboulsi"),
    "خطاب": ("Khattab",),
    "قباني": ("Qabbani", "Kabbani"),
    "عشراوي": ("Ashrawi",),
    "برغوثي": ("Barghouti", "Barghouthi"),
    "عريقات": ("Erekat", "Erakat", "Urayqat"),
    "دحلان": ("Dahlan",),
    "شعراوي": ("Shaarawi", "Sharawi", "Chaaraoui"),
    "ساعدي": ("Saadi", "Saedi"),
    "أنصاري": ("Ansari",),
    "بكري": ("Bakri", "Bakry"),
    "كبيسي": ("Kubaisi", "Kubaissi", "Kobeissi"),
    "جبوري": ("Jubouri", "Jaburi", "Juburi"),
    "دليمي": ("Dulaimi", "Dulaymi"),
    "عبيدي": ("Obeidi", "Ubaidi", "Obaidi"),
    "ربيعي": ("Rubaie", "Rubaii", "Rabii"),
    "مالكي": ("Maliki",),
    "رفاعي": ("Rifai", "Refai", "Rifaai", "Refaie"),
    "طرابلسي": ("Trabelsi", "Tarabulsi", "Trabulsi"),
    "جلول": ("Jelloul", "Jallul", "Djelloul"),
}

# The article and the letters it assimilates to ("ash-Shami" for الشامي): the sun letters.
ARABIC_SUN_LETTERS = set("تثدذرزسشصضطظلن")

# A consonant skeleton for an Arabic word outside ARABIC_NAMES: the letters only (short vowels are
# not written). A guess by construction. Based on the usual English transliteration (BGN/PCGN) with
# the French (ch, dj, ou) and Egyptian (g) spellings as alternatives.
ARABIC_LETTERS = {
    "ا": ("a",), "ب": ("b",), "ت": ("t",), "ث": ("th", "s"), "ج": ("j", "dj", "g"), "ح": ("h",),
    "خ": ("kh",), "د": ("d",), "ذ": ("dh", "z"), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh", "ch"),
    "ص": ("s",), "ض": ("d", "dh"), "ط": ("t",), "ظ": ("z", "dh"), "ع": ("",), "غ": ("gh",), "ف": ("f",),
    "ق": ("q", "k", "g"), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("a", "ah"),
    "و": ("u", "ou", "oo"), "ي": ("i", "ee", "y"), "ى": ("a",), "ء": ("",),
    "پ": ("p",), "چ": ("ch",), "ژ": ("zh",), "گ": ("g",), "ڤ": ("v",),
}

# Latin spellings of the article "al-" (hyphen, space or joined), and of the particles.
ARABIC_ARTICLES = ("al", "el", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh", "ed", "er",
                   "es", "et", "ez", "en", "ech")
ARABIC_ABU = ("Abu", "Abou")
ARABIC_BIN = {"بن": ("bin", "ben"), "ابن": ("ibn", "bin"), "بنت": ("bint",)}

# --- Chinese --------------------------------------------------------------------------------------------

# Two-character family names (simplified and traditional).
CHINESE_COMPOUND_SURNAMES = frozenset("""
欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 令狐 夏侯 司徒 轩辕 軒轅
端木 宇文 澹台 万俟 萬俟 独孤 獨孤 南宫 南宮 西门 西門 申屠 呼延 闻人 聞人 赫连 赫連 钟离 鍾離 太史 公羊
""".split())

# Family names whose reading differs from the character's usual one (pinyin, as a surname).
CHINESE_SURNAME_PINYIN = {
    "单": "shan", "單": "shan", "曾": "zeng", "区": "ou", "區": "ou", "解": "xie", "朴": "piao", "仇": "qiu",
    "查": "zha", "乐": "yue", "樂": "yue", "盖": "ge", "蓋": "ge", "覃": "qin", "尉迟": "yuchi", "尉遲": "yuchi",
    "长孙": "zhangsun", "長孫": "zhangsun", "缪": "miao", "繆": "miao", "召": "shao", "种": "chong",
    "種": "chong", "秘": "bi", "宓": "mi", "隗": "wei", "黑": "he", "万俟": "moqi", "萬俟": "moqi",
    "华": "hua", "華": "hua", "任": "ren", "沈": "shen", "燕": "yan", "葛": "ge", "纪": "ji", "紀": "ji",
    "翟": "zhai", "那": "na", "藏": "zang", "车": "che", "車": "che", "薄": "bo", "重": "chong",
    "褚": "chu", "柏": "bai", "秦": "qin", "石": "shi", "员": "yun", "員": "yun", "吕": "lü", "呂": "lü",
    "贾": "jia", "賈": "jia", "折": "she", "过": "guo", "過": "guo", "阚": "kan", "闞": "kan",
}

# Usual non-pinyin spellings of the common family names: Cantonese (Hong Kong government / Yale-based
# usage), and the Hokkien, Teochew and Hakka spellings of Singapore and Malaysia. Taiwanese
# Wade-Giles forms (Chang, Hsu, Tsai) are made by the Wade-Giles table and need no entry. Forms that
# are ordinary English words (Man, Sit, Tin, Hung, Chin, Long) are left out: each would be flagged
# wherever the word stands.
CHINESE_SURNAME_SPELLINGS = {
    "王": ("Wong", "Ong"), "黃": ("Wong", "Ng", "Wee", "Oei"), "黄": ("Wong", "Ng", "Wee", "Oei"),
    "陳": ("Chan", "Tan"), "陈": ("Chan", "Tan"), "張": ("Cheung", "Teo", "Chong"), "张": ("Cheung", "Teo", "Chong"),
    "李": ("Lee",), "劉": ("Lau", "Lao"), "刘": ("Lau", "Lao"), "何": ("Ho",), "吳": ("Ng", "Woo", "Goh"),
    "吴": ("Ng", "Woo", "Goh"), "楊": ("Yeung", "Yeo"), "杨": ("Yeung", "Yeo"), "林": ("Lam", "Lim"),
    "梁": ("Leung", "Neo"), "鄭": ("Cheng", "Tay", "Teh"), "郑": ("Cheng", "Tay", "Teh"), "周": ("Chow", "Chau", "Chew"),
    "胡": ("Woo", "Foo"), "趙": ("Chiu",), "赵": ("Chiu",), "徐": ("Tsui", "Chee"), "孫": ("Suen", "Soon"),
    "孙": ("Suen", "Soon"), "馬": ("Mah",), "马": ("Mah",), "朱": ("Chu", "Chue", "Choo"), "郭": ("Kwok", "Quek"),
    "羅": ("Law", "Lo", "Loh"), "罗": ("Law", "Lo", "Loh"), "高": ("Ko", "Koh"), "蔡": ("Choi", "Chua", "Choy"),
    "曾": ("Tsang",), "謝": ("Tse", "Chia"), "谢": ("Tse", "Chia"), "鄧": ("Tang",), "邓": ("Tang",),
    "許": ("Hui", "Koh"), "许": ("Hui", "Koh"), "葉": ("Yip", "Yap"), "叶": ("Yip", "Yap"), "蘇": ("So", "Soh"),
    "苏": ("So", "Soh"), "潘": ("Poon", "Phua"), "袁": ("Yuen",), "余": ("Yu", "Yee"), "黎": ("Lai",),
    "麥": ("Mak",), "麦": ("Mak",), "莫": ("Mok",), "宋": ("Sung", "Soong"), "唐": ("Tong",), "韓": ("Hon",),
    "韩": ("Hon",), "馮": ("Fung",), "冯": ("Fung",), "曹": ("Tso", "Cho"), "彭": ("Pang", "Phang"),
    "蕭": ("Siu", "Seow"), "萧": ("Siu", "Seow"), "肖": ("Siu", "Seow"), "董": ("Tung",), "于": ("Yu",),
    "蔣": ("Tseung",), "蒋": ("Tseung",), "杜": ("To",), "程": ("Ching",), "魏": ("Ngai",), "呂": ("Lui", "Lyu"),
    "吕": ("Lui", "Lyu"), "丁": ("Ting",), "任": ("Yam",), "沈": ("Shum", "Sham"), "姚": ("Yiu",),
    "盧": ("Lo", "Lou"), "卢": ("Lo", "Lou"), "姜": ("Keung",), "崔": ("Tsui", "Choi"), "鍾": ("Chung",),
    "钟": ("Chung",), "譚": ("Tam",), "谭": ("Tam",), "陸": ("Luk",), "陆": ("Luk",), "范": ("Fan",),
    "金": ("Kam",), "石": ("Shek",), "廖": ("Liu", "Liew"), "賈": ("Ka",), "贾": ("Ka",), "夏": ("Ha",),
    "韋": ("Wai",), "韦": ("Wai",), "傅": ("Foo",), "方": ("Fong",), "白": ("Pak",), "鄒": ("Chau",),
    "邹": ("Chau",), "孟": ("Mang",), "邱": ("Yau", "Khoo"), "江": ("Kong",), "尹": ("Wan",), "閻": ("Yim",),
    "闫": ("Yim",), "段": ("Tuen",), "雷": ("Lui",), "侯": ("Hau",), "龍": ("Lung",), "龙": ("Lung",),
    "史": ("Sze",), "陶": ("To",), "顧": ("Koo",), "顾": ("Koo",), "毛": ("Mo",), "龔": ("Kung",),
    "龚": ("Kung",), "邵": ("Shiu",), "钱": ("Chien",), "嚴": ("Yim",), "严": ("Yim",),
    "戴": ("Tai",), "向": ("Heung",), "湯": ("Tong",), "汤": ("Tong",), "關": ("Kwan",), "关": ("Kwan",),
    "區": ("Au",), "区": ("Au",), "溫": ("Wan", "Woon"), "温": ("Wan", "Woon"), "洪": ("Ang",),
    "莊": ("Chong", "Chng"), "庄": ("Chong", "Chng"), "柯": ("Kua",), "游": ("Yau", "Yeo"),
    "歐陽": ("Au-Yeung", "Auyeung"), "欧阳": ("Au-Yeung", "Auyeung"), "司徒": ("Szeto", "Seto"),
}

# Pinyin to Wade-Giles (apostrophes and umlauts written or dropped by the caller). Initials first,
# then whole syllables that do not follow the initial + final rule.
WADE_GILES_INITIALS = {
    "b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l", "g": "k", "k": "k'",
    "h": "h", "j": "ch", "q": "ch'", "x": "hs", "zh": "ch", "ch": "ch'", "sh": "sh", "r": "j", "z": "ts",
    "c": "ts'", "s": "s",
}
WADE_GILES_SYLLABLES = {
    "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u", "si": "ssu",
    "er": "erh", "yi": "i", "you": "yu", "yu": "yü", "yue": "yüeh", "yuan": "yüan", "yun": "yün",
    "ye": "yeh", "yan": "yen", "yong": "yung", "ge": "ko", "ke": "k'o", "he": "ho", "e": "o",
    "guo": "kuo", "kuo": "k'uo", "huo": "huo", "shuo": "shuo", "wo": "wo", "lüe": "lüeh", "nüe": "nüeh",
}
# Finals after the initial (pinyin -> Wade-Giles); u after j q x is ü.
WADE_GILES_FINALS = {
    "ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "uo": "o", "ue": "üeh", "üe": "üeh",
    "ui": "ui", "un": "un",
}

# --- Korean ---------------------------------------------------------------------------------------------

# Revised Romanisation of Korean (2000): initials, vowels, finals of a Hangul syllable (names are
# romanised syllable by syllable, without the sound changes between syllables).
RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
             "wi", "yu", "eu", "ui", "i")
RR_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
             "t", "ng", "t", "t", "k", "t", "p", "t")

# McCune–Reischauer (1939), with the breves and apostrophes dropped (ŏ -> o, ŭ -> u, k' -> k).
# Initials unvoiced / voiced (after a vowel or n, l, m, ng inside the given name).
MR_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h")
MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}
MR_VOWELS = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
             "wi", "yu", "u", "ui", "i")
MR_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
             "t", "ng", "t", "t", "k", "t", "p", "t")

# The usual spellings of the common family names (Statistics Korea 2015 census order), most usual
# first. One-letter spellings (O for 오, U for 우, I for 이) are left out: the matcher would flag
# the letter alone.
KOREAN_SURNAMES = {
    "김": ("Kim", "Gim"), "이": ("Lee", "Yi", "Rhee", "Ri", "Rhie"), "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe"), "정": ("Jung", "Jeong", "Chung"), "강": ("Kang", "Gang"), "조": ("Cho", "Jo"),
    "윤": ("Yoon", "Yun"), "장": ("Jang", "Chang"), "임": ("Lim", "Im", "Rim"), "한": ("Han",), "오": ("Oh",),
    "서": ("Seo", "Suh"), "신": ("Shin", "Sin"), "권": ("Kwon", "Gwon"), "황": ("Hwang",), "안": ("Ahn", "An"),
    "송": ("Song",), "류": ("Ryu", "Yoo", "Yu", "Rhyu"), "유": ("Yoo", "Yu", "Ryu"), "홍": ("Hong",),
    "전": ("Jeon", "Chun", "Jun"), "고": ("Ko", "Go"), "문": ("Moon", "Mun"), "양": ("Yang",),
    "손": ("Son", "Sohn"), "배": ("Bae", "Pae"), "백": ("Baek", "Paik", "Baik"), "허": ("Heo", "Huh", "Hur"),
    "노": ("Noh", "Roh", "No"), "남": ("Nam",), "심": ("Shim", "Sim"), "하": ("Ha",), "곽": ("Kwak", "Gwak"),
    "성": ("Sung", "Seong"), "차": ("Cha",), "주": ("Joo", "Ju", "Chu"), "우": ("Woo",), "구": ("Koo", "Gu", "Ku"),
    "민": ("Min",), "나": ("Na", "Ra"), "진": ("Jin",), "지": ("Ji", "Chi"), "엄": ("Eom", "Um", "Uhm"),
    "채": ("Chae",), "원": ("Won",), "천": ("Cheon", "Chun"), "방": ("Bang", "Pang"), "공": ("Kong", "Gong"),
    "현": ("Hyun", "Hyeon"), "함": ("Ham",), "변": ("Byun", "Byeon", "Pyun"), "염": ("Yeom", "Yum"),
    "여": ("Yeo", "Yuh"), "추": ("Choo", "Chu"), "도": ("Do", "Doh"), "석": ("Seok", "Suk"), "선": ("Sun", "Seon"),
    "설": ("Seol", "Sul"), "마": ("Ma",), "길": ("Gil", "Kil"), "연": ("Yeon", "Yun"), "위": ("Wi", "Wee"),
    "표": ("Pyo",), "명": ("Myung", "Myeong"), "기": ("Ki", "Gi"), "반": ("Ban", "Pan"), "왕": ("Wang",),
    "금": ("Keum", "Geum"), "옥": ("Ok",), "육": ("Yuk", "Yook"), "인": ("In",), "맹": ("Maeng",),
    "제": ("Je",), "탁": ("Tak",), "국": ("Kook", "Guk"), "편": ("Pyun", "Pyeon"), "용": ("Yong",),
    "예": ("Ye", "Yeh"), "경": ("Kyung", "Gyeong"), "봉": ("Bong",), "황보": ("Hwangbo",),
    "남궁": ("Namgung", "Namkung"), "선우": ("Sunwoo", "Seonwoo", "Seonu"), "제갈": ("Jegal", "Chegal"),
    "독고": ("Dokgo", "Tokko"), "사공": ("Sagong",), "서문": ("Seomun", "Somun"),
}
KOREAN_COMPOUND_SURNAMES = frozenset(("남궁", "선우", "독고", "제갈", "황보", "사공", "서문"))

# --- Japanese -------------------------------------------------------------------------------------------

# Readings of the most common family names (Meiji Yasuda / myoji-yurai rankings), in modified
# Hepburn with long vowels written "ou"/"oo"/"uu" (the variants without them are made by rule).
# A kanji name can be read several ways: the usual reading comes first.
JAPANESE_SURNAMES = {
    "佐藤": ("satou",), "鈴木": ("suzuki",), "高橋": ("takahashi",), "田中": ("tanaka",), "伊藤": ("itou",),
    "渡辺": ("watanabe",), "渡邊": ("watanabe",), "渡邉": ("watanabe",), "山本": ("yamamoto",),
    "中村": ("nakamura",), "小林": ("kobayashi",), "加藤": ("katou",), "吉田": ("yoshida",), "山田": ("yamada",),
    "佐々木": ("sasaki",), "山口": ("yamaguchi",), "松本": ("matsumoto",), "井上": ("inoue",), "木村": ("kimura",),
    "林": ("hayashi",), "斎藤": ("saitou",), "斉藤": ("saitou",), "齋藤": ("saitou",), "清水": ("shimizu",),
    "山崎": ("yamazaki", "yamasaki"), "森": ("mori",), "池田": ("ikeda",), "橋本": ("hashimoto",), "阿部": ("abe",),
    "石川": ("ishikawa",), "山下": ("yamashita",), "中島": ("nakajima", "nakashima"), "石井": ("ishii",),
    "小川": ("ogawa",), "前田": ("maeda",), "岡田": ("okada",), "長谷川": ("hasegawa",), "藤田": ("fujita",),
    "後藤": ("gotou",), "近藤": ("kondou",), "村上": ("murakami",), "遠藤": ("endou",), "青木": ("aoki",),
    "坂本": ("sakamoto",), "斉木": ("saiki",), "福田": ("fukuda",), "太田": ("oota",), "西村": ("nishimura",),
    "藤井": ("fujii",), "金子": ("kaneko",), "岡本": ("okamoto",), "藤原": ("fujiwara",), "中野": ("nakano",),
    "三浦": ("miura",), "原田": ("harada",), "中川": ("nakagawa",), "松田": ("matsuda",), "竹内": ("takeuchi",),
    "小野": ("ono",), "田村": ("tamura",), "中山": ("nakayama",), "和田": ("wada",), "石田": ("ishida",),
    "森田": ("morita",), "上田": ("ueda",), "原": ("hara",), "内田": ("uchida",), "柴田": ("shibata",),
    "酒井": ("sakai",), "宮崎": ("miyazaki",), "横山": ("yokoyama",), "高木": ("takagi",), "安藤": ("andou",),
    "宮本": ("miyamoto",), "大野": ("oono",), "小島": ("kojima",), "工藤": ("kudou",), "河野": ("kouno", "kawano"),
    "本間": ("honma",), "菅": ("suga", "kan"), "東": ("higashi", "azuma"), "上村": ("uemura", "kamimura"),
    "角田": ("tsunoda", "kakuta"), "大塚": ("ootsuka",), "千葉": ("chiba",), "久保": ("kubo",), "松井": ("matsui",),
    "野口": ("noguchi",), "木下": ("kinoshita",), "野村": ("nomura",), "新井": ("arai",), "菅原": ("sugawara",),
    "岸田": ("kishida",), "安倍": ("abe",), "小池": ("koike",), "大島": ("ooshima",), "小山": ("koyama",),
}

# One-character family names common in Japan but rare as Chinese family names: a three-character
# name beginning with one is read both ways (林 and 東 are common in both, so they are not here).
JAPANESE_NOT_CHINESE_SURNAMES = frozenset("菅森原")

# Variant kanji that the reading dictionary does not know, to their usual form.
JAPANESE_ITAIJI = {"髙": "高", "﨑": "崎", "德": "徳", "濵": "濱", "邊": "辺", "邉": "辺", "齊": "斉", "齋": "斎"}

# Hepburn for kana, used when pykakasi is not installed (katakana are read as hiragana).
KANA_HEPBURN = """
あ a い i う u え e お o か ka き ki く ku け ke こ ko さ sa し shi す su せ se そ so
た ta ち chi つ tsu て te と to な na に ni ぬ nu ね ne の no は ha ひ hi ふ fu へ he ほ ho
ま ma み mi む mu め me も mo や ya ゆ yu よ yo ら ra り ri る ru れ re ろ ro わ wa ゐ i ゑ e を o ん n
が ga ぎ gi ぐ gu げ ge ご go ざ za じ ji ず zu ぜ ze ぞ zo だ da ぢ ji づ zu で de ど do
ば ba び bi ぶ bu べ be ぼ bo ぱ pa ぴ pi ぷ pu ぺ pe ぽ po ゔ vu
きゃ kya きゅ kyu きょ kyo しゃ sha しゅ shu しょ sho ちゃ cha ちゅ chu ちょ cho にゃ nya にゅ nyu にょ nyo
ひゃ hya ひゅ hyu ひょ hyo みゃ mya みゅ myu みょ myo りゃ rya りゅ ryu りょ ryo ぎゃ gya ぎゅ gyu ぎょ gyo
じゃ ja じゅ ju じょ jo びゃ bya びゅ byu びょ byo ぴゃ pya ぴゅ pyu ぴょ pyo
ふぁ fa ふぃ fi ふぇ fe ふぉ fo てぃ ti でぃ di うぃ wi うぇ we うぉ wo しぇ she ちぇ che じぇ je
ぁ a ぃ i ぅ u ぇ e ぉ o ゃ ya ゅ yu ょ yo
"""

# --- Latin ----------------------------------------------------------------------------------------------

# Given names transliterated from Russian and Ukrainian, with their usual spellings (English, BGN,
# ALA-LC, German, French). A name in WESTERN_GIVEN_NAMES is also a Western name: its group is used
# only when another word of the name looks Slavic.
SLAVIC_GIVEN_NAMES = (
    ("Natalya", "Natalia", "Nataliya", "Natalja"),
    ("Dmitry", "Dmitri", "Dmitriy", "Dmitrii", "Dmitrij"),
    ("Sergei", "Sergey", "Sergej", "Serguei", "Sergiy"),
    ("Alexei", "Alexey", "Aleksei", "Aleksey", "Alexej", "Aleksej"),
    ("Andrei", "Andrey", "Andrej"),
    ("Yuri", "Yury", "Yuriy", "Iurii", "Juri", "Youri"),
    ("Yevgeny", "Evgeny", "Evgeniy", "Yevgeniy", "Evgenii", "Jewgeni", "Evgueni"),
    ("Yelena", "Elena", "Jelena", "Ielena"),
    ("Yekaterina", "Ekaterina", "Jekaterina", "Iekaterina"),
    ("Tatyana", "Tatiana", "Tatjana"),
    ("Fyodor", "Fedor", "Fiodor", "Fjodor"),
    ("Pyotr", "Petr", "Piotr", "Pjotr"),
    ("Vasily", "Vasili", "Vasiliy", "Vasilii", "Vassili", "Wassili"),
    ("Maxim", "Maksim"),
    ("Mikhail", "Michail", "Mikhael"),
    ("Yulia", "Yuliya", "Iuliia", "Julija", "Ioulia", "Julia"),
    ("Anastasia", "Anastasiya", "Anastassia"),
    ("Nikolai", "Nikolay", "Nikolaj"),
    ("Gennady", "Gennadiy", "Gennadi", "Gennadii", "Guennadi"),
    ("Grigory", "Grigoriy", "Grigori", "Grigorii"),
    ("Vyacheslav", "Viacheslav", "Wjatscheslaw"),
    ("Ksenia", "Kseniya", "Xenia"),
    ("Arkady", "Arkadiy", "Arkadi", "Arkadii"),
    ("Anatoly", "Anatoliy", "Anatoli", "Anatolii"),
    ("Valery", "Valeriy", "Valeri", "Valerii"),
    ("Aleksandr", "Alexandr", "Alexander", "Aleksander"),
    ("Lyudmila", "Ludmila", "Liudmila", "Ljudmila", "Lioudmila"),
    ("Yaroslav", "Iaroslav", "Jaroslaw"),
    ("Darya", "Daria", "Dariya"),
    ("Sofya", "Sofia", "Sofiya"),
    ("Ilya", "Ilia", "Ilja"),
    ("Semyon", "Semen", "Semion", "Semjon"),
    ("Artyom", "Artem", "Artiom", "Artjom"),
    ("Alyona", "Alena", "Aliona", "Aljona"),
    ("Oleksandr", "Olexandr", "Oleksander"),
    ("Oleksiy", "Oleksii", "Olexiy"),
    ("Serhiy", "Serhii", "Serhij"),
    ("Andriy", "Andrii", "Andrij"),
    ("Yevhen", "Ievgen", "Yevhenii", "Jewhen"),
)
WESTERN_GIVEN_NAMES = frozenset({"alexander", "julia", "elena", "daria", "sofia", "natalia", "anastasia",
                                 "tatiana", "maxim", "xenia", "ilia", "aleksander", "andrej", "semen"})

# Endings of surnames transliterated from Russian, Ukrainian, Belarusian or Bulgarian.
SLAVIC_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "off", "eff", "sky", "ski", "skiy", "skii", "skyi",
                  "skyy", "skaya", "skaia", "enko", "chuk", "vich", "vych", "ovna", "evna", "yuk", "iuk")
# Groups of interchangeable endings (the longest that matches the word is replaced). The
# -ov/-off and -ev/-eff alternation is a rule of romanise._slavic_rules.
SLAVIC_ENDING_GROUPS = (
    ("sky", "ski", "skiy", "skii", "skyi", "skyy"),
    ("skaya", "skaia"),
)

# Gaelic names after Mac/Mc written with a lower-case letter ("Macdonald"): only these take the
# Mc/Mac variants, so that "Macron", "Mack" and "Machado" get none.
GAELIC_MAC_NAMES = frozenset("""
donald kenzie intosh leod gregor kay millan pherson lean kinnon dougall farlane kenna cartney allister
arthur bride carthy cormack crae dermott donnell duff ewan fadden gill guire intyre iver kee laren
laughlin lellan mahon manus murray nab namara naughton neil nulty quarrie queen rae tavish innes
""".split())

# --- Thai -----------------------------------------------------------------------------------------------

# Sources: the Royal Thai General System of Transcription (RTGS), Royal Institute, "Principles of
# Romanization for Thai Script by Transcription Method" (1999, in force since 2000); for the other
# spellings, common usage in Thai passports (the bearer chooses the spelling) and the English-language
# press (Bangkok Post, The Nation, Reuters, AP).

# Initial values of the consonants (RTGS). อ is a vowel carrier: silent.
THAI_INITIALS = {
    "ก": "k", "ข": "kh", "ฃ": "kh", "ค": "kh", "ฅ": "kh", "ฆ": "kh", "ง": "ng", "จ": "ch", "ฉ": "ch", "ช": "ch",
    "ซ": "s", "ฌ": "ch", "ญ": "y", "ฎ": "d", "ฏ": "t", "ฐ": "th", "ฑ": "th", "ฒ": "th", "ณ": "n", "ด": "d",
    "ต": "t", "ถ": "th", "ท": "th", "ธ": "th", "น": "n", "บ": "b", "ป": "p", "ผ": "ph", "ฝ": "f", "พ": "ph",
    "ฟ": "f", "ภ": "ph", "ม": "m", "ย": "y", "ร": "r", "ล": "l", "ว": "w", "ศ": "s", "ษ": "s", "ส": "s",
    "ห": "h", "ฬ": "l", "อ": "", "ฮ": "h", "ฤ": "r", "ฦ": "l",
}

# Final values (RTGS): ก ข ค ฆ -k; จ ช ซ ฌ ฎ ฏ ฐ ฑ ฒ ด ต ถ ท ธ ศ ษ ส -t; บ ป พ ฟ ภ -p; ญ ณ น ร ล ฬ -n;
# ม -m; ง -ng; ย -i (ai, oi, ui); ว -o (ao, io, eo, aeo, iao).
THAI_FINALS = {
    "ก": "k", "ข": "k", "ค": "k", "ฆ": "k", "จ": "t", "ช": "t", "ซ": "t", "ฌ": "t", "ฎ": "t", "ฏ": "t",
    "ฐ": "t", "ฑ": "t", "ฒ": "t", "ด": "t", "ต": "t", "ถ": "t", "ท": "t", "ธ": "t", "ศ": "t", "ษ": "t",
    "ส": "t", "บ": "p", "ป": "p", "พ": "p", "ฟ": "p", "ภ": "p", "ญ": "n", "ณ": "n", "น": "n", "ร": "n",
    "ล": "n", "ฬ": "n", "ม": "m", "ง": "ng", "ย": "i", "ว": "o",
}

# A final spelled after its own letter, as in many passports (Sawad, Panich, Amnaj, Chaiwath, Manob).
THAI_FINALS_AS_WRITTEN = {"ด": "d", "จ": "j", "ช": "ch", "ศ": "s", "ษ": "s", "ส": "s", "ท": "th", "ธ": "th",
                          "ฒ": "th", "ถ": "th", "บ": "b"}

# Clusters whose two consonants are both sounded (กร kr, ปล pl, ขว khw ...), and those with a silent
# ร (จริง ching, ศรี si, สร้าง sang) or read s (ทราย sai).
THAI_CLUSTERS = frozenset("กร กล กว ขร ขล ขว คร คล คว ตร ปร ปล ผล พร พล บร บล ดร ฟร ฟล".split())
THAI_SILENT_R_CLUSTERS = frozenset("จร ซร ศร สร ทร".split())

# Pairs silent together under a thanthakhat on the second (จันทร์ chan, ศาสตร์ sat, ลักษณ์ lak,
# นิรันดร์ niran).
THAI_SILENT_PAIRS = frozenset("ทร ตร ดร ษณ".split())

# Two consonants ending a word of which the second is silent (บุตร but, เพชร phet, ประยุทธ prayut).
THAI_SILENT_SECOND = frozenset("ตร ทร ชร ทธ".split())

# Finals said again with a as the next syllable's onset in Pali and Sanskrit compounds (รัตนา
# rat-ta-na, วัฒนา wat-tha-na, ณัฐพล nat-tha-phon, ศุภชัย sup-pha-chai), a variant only.
THAI_LINKING_FINALS = frozenset("ตฐฒทธภพชษศ")

# Common name elements, given names and surname parts, with their spellings: RTGS first, then the
# spellings usual in passports and the press, most usual first, among them the Sanskrit-style
# spellings of name elements (ศรี Sri, ประเสริฐ Prasert, สุวรรณ Suwanna, รัตน Rattana). Keys are written
# without tone marks (they are removed before the lookup). A surname made of several elements
# (ชัย + ประเสริฐ, สุวรรณ + ศรี) is spelled element by element, so elements that take a linking vowel
# inside a compound (สุวรรณศรี Suwannasi, อินทรสุวรรณ Intharasuwan) list that form too. A spelling marked
# "+" is used only before another element (Suwanna-), one marked "=" only for the element alone.
THAI_NAME_ELEMENTS = """
สมศักดิ์ Somsak Somsakdi
สมชาย Somchai Somchay
สมพงษ์ Somphong Sompong
สมปอง Sompong
สมบัติ Sombat Sombut Sombud
สมหมาย Sommai Sommay
สมพร Somphon Somporn Sompon
สมคิด Somkhit Somkid Somkit
สมบูรณ์ Sombun Somboon Somboun
สมจิตร Somchit Somjit
สมหญิง Somying
สมใจ Somchai Somjai
สมเกียรติ Somkiat Somkiet
สุภาพร Suphaphon Supaporn Suphaporn Supaphon
สุรชัย Surachai Surachay
สุนทร Sunthon Suntorn Soontorn Sunthorn
สุนทรี Sunthari Suntaree Suntharee
สุรศักดิ์ Surasak
สุชาติ Suchat Suchart
สุดารัตน์ Sudarat Sudarut
สุวิทย์ Suwit Suvit Suwith
สุนีย์ Suni Sunee
สุพัตรา Suphattra Supattra
สุรพล Suraphon Surapol Suraphol
สุเทพ Suthep Sutep
สุดา Suda
สุทธิ Sutthi Sutti
ศุภชัย Supphachai Supachai Suppachai Suphachai
อนงค์ Anong
อนันต์ Anan Anant
อนุชา Anucha
อำนาจ Amnat Amnaj Amnart
อำไพ Amphai Ampai
อรุณ Arun Aroon
อัญชลี Anchali Anchalee Unchalee
อุไร Urai
อุดม Udom
อารีย์ Ari Aree
อภิชาติ Aphichat Apichart Apichat Aphichart
มาลี Mali Malee
มานพ Manop Manob
มณี Mani Manee
ชัยวัฒน์ Chaiwat Chaiwath Chaiwatt
ชาญชัย Chanchai Charnchai
ชูชาติ Chuchat Choochart Chuchart
ชนะ Chana
ประเสริฐ Prasoet Prasert
ประยุทธ Prayut Prayuth Prayoot
ประยุทธ์ Prayut Prayuth Prayoot
ประยูร Prayun Prayoon Prayool Prayul
ประภา Prapha Prapa
ประพันธ์ Praphan Prapan
ประสิทธิ์ Prasit Prasith Prasitt
ประทีป Prathip Pratheep Prateep
ปรีชา Pricha Preecha
ปราณี Prani Pranee
ปิยะ Piya
ปัญญา Panya Punya
พรทิพย์ Phonthip Pornthip Porntip Ponthip Phornthip
พรพรรณ Phonphan Pornpan Pornphan
พิมพ์ Phim Pim
พิทักษ์ Phithak Pitak
พิพัฒน์ Phiphat Pipat Pipatt
บุญมี Bunmi Boonmee Bunmee Boonmi
บุญชัย Bunchai Boonchai
บุญส่ง Bunsong Boonsong
บุญมา Bunma Boonma Boonmaa Bunmaa
ทองดี Thongdi Thongdee Tongdee Tongdi
ทองใบ Thongbai Tongbai
ทองคำ Thongkham Tongkam Thongkum
ทวี Thawi Tawee Thawee
ทักษิณ Thaksin Taksin
กิตติศักดิ์ Kittisak Kittisakdi
กิตติพงษ์ Kittiphong Kittipong
กัญญา Kanya Kunya Kanyaa
กาญจนา Kanchana Kanjana Karnjana
เกียรติศักดิ์ Kiattisak Kiatisak Kiettisak
เกียรติ Kiat Kiet Kiatti
รัตนา Rattana Ratana Rattanaa
วิไล Wilai Vilai
วันเพ็ญ Wanphen Wanpen
วิทยา Witthaya Wittaya Withaya Vitthaya
วิชัย Wichai Vichai
วีระ Wira Weera Veera
วีระพงษ์ Wiraphong Weerapong Veerapong
วรรณา Wanna Vanna
วิมล Wimon Vimol Wimol Vimon
วิโรจน์ Wirot Viroj Wiroj Virote
วิจิตร Wichit Vichit Wijit
วัชระ Watchara Wachara Vatchara
เพ็ญศรี Phensi Pensri Phensri
ศรีสุดา Sisuda Srisuda
ศิริพร Siriphon Siriporn
นิภา Nipha Nipa
นภา Napha Napa
นงลักษณ์ Nonglak Nongluck Nongluk
นพดล Nopphadon Noppadol Nopadol Noppadon
ธนากร Thanakon Tanakorn Thanakorn
ธีระ Thira Teera Theera
ธนพล Thanaphon Thanapol Tanapol Thanaphol
จันทร์เพ็ญ Chanphen Janpen Chanpen Junpen
จิราพร Chiraphon Jiraporn Chiraporn Jiraphon
จินดา Chinda Jinda
ณัฐพล Natthaphon Nattapon Nattaphon Nuttapon Nattapol
ณรงค์ Narong
นิรันดร์ Niran Nirun
เฉลิม Chaloem Chalerm
เจริญ Charoen Charern Jaroen Chareon Jarern
ไพโรจน์ Phairot Pairoj Pairote Phairoj
ยุทธนา Yutthana Yuttana Yuthana
ยิ่งลักษณ์ Yinglak Yingluck
ดวงใจ Duangchai Duangjai
สมัย Samai Samay
สนิท Sanit
ชินวัตร Chinnawat Shinawatra Chinawat
ใจดี Chaidi Jaidee Chaidee Jaidi
รุ่งเรือง Rungrueang Rungruang Roongruang Rungrueng Rungreung
แสงทอง Saengthong Saengtong Seangtong Sangthong Seangthong
มีสุข Misuk Meesuk Meesook Misook
ศรีสุข Sisuk Srisuk Srisook
สุขสวัสดิ์ Suksawat Suksawad Sooksawat
ชัย Chai Chay
ศรี Si Sri
วงศ์ Wong Vong
วงษ์ Wong Vong
พงษ์ Phong Pong
พงศ์ Phong Pong
ไพบูลย์ Phaibun Paiboon Phaibul Paibool Paibul Phaiboon
สุวรรณ Suwan Suwanna+ Suvan Suwana+ Suvanna+
สุวรรณา Suwanna Suvanna
อินทร Inthara Intra Intara Inthra
อินทร์ In
ทอง Thong Tong
สุข Suk Sook
มี Mi Mee
ดี Di Dee
ใจ Chai Jai
บุญ Bun Boon Boun
มา Ma Maa
แสง Saeng Sang Seang
เรือง Rueang Ruang Reung
รุ่ง Rung Roong
กิตติ Kitti
ศักดิ์ Sak Sakdi
รัตน Rattana Ratana
รัตน์ Rat
วัฒน Watthana Wattana Vatana
วัฒน์ Wat Wath
วิวัฒน์ Wiwat Viwat
พันธ์ Phan Pan
พันธุ์ Phan Pan Phun
ชาติ Chat Chart
ทิพย์ Thip Tip
พร Phon Porn Pon
ศิริ Siri
จันทร์ Chan Jan Jun
จันทร Chanthra Chantra Jantra Chandra
จันทรา Chanthra Chantra Jantra Chandra
สวัสดิ์ Sawat Sawad Swat Savat
ธรรม Tham Thum Tum
กุล Kun Kul Koon
สิทธิ์ Sit Sitthi+
เกษม Kasem Kasame
ภักดี Phakdi Pakdee Phakdee Pakdi
โชติ Chot Chote
แก้ว Kaeo Kaew Keaw
ขาว Khao Kao Khaw
คำ Kham Kum Kam
ผล Phon Pol Phol
สิน Sin
เดช Det Dej Dech
ไทย Thai Tai
ทรัพย์ Sap Sup Sab
ทรง Song
พานิช Phanit Panich Phanich Panit
วิเศษ Wiset Wises Viset
สกุล Sakun Sakul
เลิศ Loet Lert Lerd
พูล Phun Pool Phool Poon
ผาสุก Phasuk Pasuk
ธนา Thana Tana
นาค Nak Nark
เงิน Ngoen Ngern
หอม Hom
ยิ่ง Ying
ลักษณ์ Lak Luck Luk
ชื่น Chuen Cheun Chun
นิล Nin Nil
ดำ Dam Dum
อ่อน On Orn Aon
บัว Bua
นวล Nuan Nual
เพชร Phet Petch Pet Phetch
ดวง Duang
เพ็ญ Phen Pen
วัน Wan Van
สาย Sai Say
เทพ Thep Tep
ภิรมย์ Phirom Pirom
ชาญ Chan Charn
สมบุญ Sombun Somboon
"""

# --- Ethiopic (Amharic, Tigrinya, Ge'ez) -----------------------------------------------------------------

# Sources: the Ethiopic syllabary as encoded by Unicode (each consonant's fidel in the seven orders
# ä u i a e ə o, then -wa), BGN/PCGN 1967 romanisation of Amharic without diacritics, and common
# usage in Ethiopian and Eritrean passports and the press (Reuters, BBC, The Reporter, Shabait).
# Each series: its first code point and its consonant's spellings, most usual first. The series
# of አ and ዐ carry vowels only; ቀ is written k more often than q in names; ጸ ፀ ts or s; ኘ ny or gn.
ETHIOPIC_CONSONANTS = {
    0x1200: "h", 0x1208: "l", 0x1210: "h", 0x1218: "m", 0x1220: "s", 0x1228: "r", 0x1230: "s", 0x1238: "sh",
    0x1240: "k|q", 0x1250: "k|q|kh", 0x1260: "b", 0x1268: "v", 0x1270: "t", 0x1278: "ch", 0x1280: "h",
    0x1290: "n", 0x1298: "ny|gn", 0x12A0: "-", 0x12A8: "k", 0x12B8: "k|kh|h", 0x12C8: "w", 0x12D0: "-",
    0x12D8: "z", 0x12E0: "zh|j", 0x12E8: "y", 0x12F0: "d", 0x12F8: "d", 0x1300: "j", 0x1308: "g|gh",
    0x1318: "ng", 0x1320: "t", 0x1328: "ch", 0x1330: "p", 0x1338: "ts|s", 0x1340: "ts|s", 0x1348: "f",
    0x1350: "p",
}
# Series with the labialised consonant (ቈ qwä, ጐ gwä ...): orders ä, -, i, a, e, ə only.
ETHIOPIC_LABIALISED = {0x1248: "kw|qw", 0x1258: "kw|qw", 0x1288: "hw", 0x12B0: "kw", 0x12C0: "hw|khw",
                       0x1310: "gw"}
# Series after which the first order ä is said, and written, a (ሀ ha, አ a, ዐ a, ሐ ha, ኀ ha).
ETHIOPIC_GUTTURALS = frozenset((0x1200, 0x1210, 0x1280, 0x12A0, 0x12D0))
ETHIOPIC_CARRIERS = frozenset((0x12A0, 0x12D0))  # አ ዐ: a vowel alone

# Abbreviations written with a slash inside a name (ወ/ማርያም for ወልደማርያም), and titles to leave out.
ETHIOPIC_ABBREVIATIONS = {"ወ": "ወልደ", "ገ": "ገብረ", "ኃ": "ኃይለ", "ሃ": "ሃይለ", "ሀ": "ሀይለ", "ተ": "ተክለ",
                          "ኪ": "ኪዳነ"}
ETHIOPIC_TITLES = frozenset("አቶ ወይዘሮ ወይዘሪት ወ/ሮ ወ/ት ወ/ሪት ዶ/ር ዶክተር ፕሮፌሰር ኣቶ".split())

# Common Ethiopian and Eritrean names and name elements, with their usual spellings, most usual
# first (gemination is not written in the script: Tadesse, Mekonnen, Lemma come from here). Elements
# of compound names (ገብረ, ወልደ, ኃይለ, ተስፋ, ተክለ + ማርያም, ሚካኤል, መድኅን, ሥላሴ, የሱስ) are spelled one by
# one and joined: Gebremariam, Woldemichael, Hailemariam, Tesfamariam, Ghebreyesus. A spelling marked
# "=" is used only for the element alone (Gebreh), as in the Thai table.
ETHIOPIC_NAMES = """
ዳዊት Dawit
ትዕግስት Tigist Tegist Tigest
ትግስት Tigist Tegist
ሰላም Selam Salam
ሰላማዊት Selamawit Salamawit
በረከት Bereket Berekat Bereqet
ኃይሌ Haile Hayle
ሀይሌ Haile Hayle
ሃይሌ Haile Hayle
ኃይሉ Hailu Haylu
ሀይሉ Hailu Haylu
ሃይሉ Hailu Haylu
ኃይለ Haile Hayle
ሀይለ Haile Hayle
ሃይለ Haile Hayle
ሓይለ Haile Hayle
ተስፋዬ Tesfaye Tesfay Tesfaie
ተስፋይ Tesfay Tesfai Tesfaye
ተስፋ Tesfa
ግርማ Girma Germa Ghirma
ግርማይ Girmay Ghirmay Girmai
አለሙ Alemu Alamu
ዓለሙ Alemu Alamu
ታደሰ Tadesse Tadese Taddese Taddesse
መኮንን Mekonnen Mekonen Makonnen Mekonnin
አበበ Abebe Abbebe
ከበደ Kebede Kebbede
በቀለ Bekele Beqele Bekelle
ዮሐንስ Yohannes Yohanes Yohannis Johannes
ዮሃንስ Yohannes Yohanes Yohannis Johannes
ተኽለ Tekle Tekhle Tecle
ተክሌ Tekle Tekele
ተክለ Tekle Tecle Tekla
ሰናይት Senait Senayt Sennait
አልማዝ Almaz
ሙሉጌታ Mulugeta Mulugetta
ጌታቸው Getachew
ወልደ Wolde Welde Walde
ሚካኤል Michael Mikael Mikail
ገብረ Gebre Ghebre Gebreh=
ማርያም Mariam Maryam Mariyam
መድኅን Medhin Medhen
መድህን Medhin Medhen
አስመሮም Asmerom Asmarom
ኪዳነ Kidane Kidana
ኪዳን Kidan
ዮናስ Yonas Jonas
ሳባ Saba
ፍሬሕይወት Frehiwot Firehiwot
ፍሬህይወት Frehiwot Firehiwot
መሰረት Meseret Meserat
መሠረት Meseret Meserat
ሄኖክ Henok Henock
ሳሙኤል Samuel
ዳንኤል Daniel
ኤልያስ Elias Eliyas Elyas
ሰለሞን Solomon Selomon
ሰሎሞን Solomon Selomon
አብርሃም Abraham Abreham Abrham
ይስሐቅ Yishak Yisehak Yeshak
ያዕቆብ Yaekob Yakob Yacob Yaqob
ጴጥሮስ Petros
ዮሴፍ Yosef Yoseph Joseph
እስክንድር Eskinder Iskinder Eskender
መለስ Meles Melles
ዜናዊ Zenawi
አቢይ Abiy Abiye
ዓብይ Abiy Abiye
አሕመድ Ahmed Ahmad
ኢሳያስ Isaias Isayas Esayas
አፈወርቂ Afwerki Afewerki Afeworki
ብርሃኑ Birhanu Berhanu Brhanu
ብርሃነ Berhane Birhane Brhane
ሃብቶም Habtom
ሃብተ Habte
ሀብቴ Habte
ፀጋዬ Tsegaye Tsegay Segaye
ጸጋዬ Tsegaye Tsegay Segaye
ጸጋይ Tsegay Tsegai Tsegaye
ፀሐይ Tsehay Tsehai Tsahay Sehay
ጸሃይ Tsehay Tsehai Tsehaye
ወርቁ Worku Werku
ወርቅ Work Werk Worq Werq
ገብረእግዚአብሔር Gebreegziabher Gebregziabher Gebreegziabeher
ገብረእግዚአብሄር Gebreegziabher Gebregziabher Gebreegziabeher
ወርቅነሽ Worknesh Workinesh Werknesh
አስቴር Aster
ሂሩት Hirut
የሺ Yeshi
ፋሲል Fasil Fassil
ፍቅሩ Fikru Fekru
ፍቅረ Fikre Fekre
ፍቅርተ Fikirte Fikerte
ሰብለ Seble Sebile
ሕይወት Hiwot Heywot
ህይወት Hiwot Heywot
ቴዎድሮስ Tewodros Tewedros
ቴድሮስ Tedros
ምሕረት Mihret Mehret
ምህረት Mihret Mehret
ገነት Genet Gennet Ghenet
ዘውዲቱ Zewditu Zauditu Zawditu
ዘሪሁን Zerihun
ታምራት Tamrat Tamirat
ተፈሪ Teferi Tafari
ንጉሤ Negussie Nigussie Negusse
ንጉሴ Negussie Nigussie Negusse
ደረጀ Dereje
ሞገስ Moges
መንግሥቱ Mengistu Mengestu
መንግስቱ Mengistu Mengestu
አማኑኤል Amanuel Emmanuel
ኣማኑኤል Amanuel Emmanuel
ዮርዳኖስ Yordanos
ብሥራት Bisrat Besrat
ብስራት Bisrat Besrat
ፍሥሐ Fisseha Fiseha Fesseha
ፍስሃ Fisseha Fiseha Fesseha
ሽመልስ Shimelis Shimeles
ወንድሙ Wondimu Wendimu
ወንድወሰን Wondwosen Wendwesen Wondwossen
ሙሉ Mulu
ለማ Lemma Lema
አዳነ Adane
አየለ Ayele
አሰፋ Assefa Asefa
ደስታ Desta
ጥላሁን Tilahun
ተሰማ Tessema Tesema
ገብሬ Gebre
ሥላሴ Selassie Selase Silassie
ስላሴ Selassie Selase Silassie
ገብረሥላሴ Gebreselassie Gebrselassie Ghebreselassie
የሱስ Yesus
ኢየሱስ Iyesus Eyesus
አድሓኖም Adhanom
መብራህቱ Mebrahtu
መብራሕቱ Mebrahtu
ሓጎስ Hagos
ሐጎስ Hagos
ሊያ Liya Lia
ሄለን Helen
ሜሮን Meron
ቤተልሔም Betelhem Bethlehem
ቤተልሄም Betelhem Bethlehem
ማህሌት Mahlet Mahilet
ራሄል Rahel Rachel
ናርዶስ Nardos
ጽዮን Tsion Tsiyon Zion
ፅዮን Tsion Tsiyon Zion
ዘርኣይ Zerai Zeray
ዘርአይ Zerai Zeray
ነጋሽ Negash
አለማየሁ Alemayehu Alemayhu
መስቀል Meskel Mesqel
ጊዮርጊስ Giorgis Georgis
ተወልደ Tewolde Tewelde
ሃይማኖት Haimanot Haymanot
ታምሩ Tamru
ስዩም Seyoum Siyum Seyum
ሰይፉ Seifu Seyfu
ኤርሚያስ Ermias Ermiyas
ሰመረ Semere
ሃና Hana Hanna
ሐና Hana Hanna
ሩት Ruth Rut
ማርታ Marta Martha
ብርቱካን Birtukan
መስፍን Mesfin Mesfen
አበራ Abera Aberra
ለገሰ Legesse Legese
ገብርኤል Gebriel Gabriel
ዓለም Alem
አለም Alem
"""
