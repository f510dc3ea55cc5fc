"""Sources for the default OMS content, from ../shared/brief/content-facts.md.

Keys are the fact-check's keys in lower case (fact_check_keys.txt keeps a copy
of them). The clinic's starting article (ARTICLE) and the Discover magazine
piece (DISCOVER) are no longer cited, so they are not seeded.
"accessed" is the date a link was last confirmed to lead to the source, or
None where it has not been confirmed yet: a clinic reviewing the content
should check those links and set the date.
"""

CONFIRMED = "2026-11-25"

SOURCES = [
    {
        "key": "nord",
        "year": 2016,
        "url": "https://rarediseases.org/rare-diseases/opsoclonus-myoclonus-syndrome/",
        "citation": "Pranzatelli MR. Opsoclonus-Myoclonus Syndrome. National Organization for Rare Disorders (NORD), Rare Disease Database, 2016 (revised 2023).",
        "accessed": None,
    },
    {
        "key": "orpha",
        "year": None,
        # ORPHA:1183 was confirmed to be opsoclonus-myoclonus syndrome (on Orphanet's older
        # page address); this current address for it has not been opened yet.
        "url": "https://www.orpha.net/en/disease/detail/1183",
        "citation": "Orphanet. Opsoclonus-myoclonus syndrome (ORPHA:1183). Orphanet, the portal for rare diseases and orphan drugs.",
        "accessed": None,
    },
    {
        "key": "pranz17",
        "year": 2017,
        "url": "https://doi.org/10.3389/fneur.2017.00468",
        "citation": "Pranzatelli MR, Tate ED, McGee NR. Demographic, clinical, and immunologic features of 389 children with opsoclonus-myoclonus syndrome: a cross-sectional study. Front Neurol. 2017;8:468.",
        "accessed": CONFIRMED,
    },
    {
        "key": "pang",
        "year": 2010,
        "url": "https://pubmed.ncbi.nlm.nih.gov/19423368/",
        "citation": "Pang KK, de Sousa C, Lang B, Pike MG. A prospective study of the presentation and management of dancing eye syndrome/opsoclonus-myoclonus syndrome in the United Kingdom. Eur J Paediatr Neurol. 2010;14(2):156-161.",
        "accessed": CONFIRMED,
    },
    {
        "key": "brunk",
        "year": 2011,
        # No DOI or PubMed id could be confirmed for this paper (checked again on
        # 2026-11-25): the link is a PubMed search for its exact title, which
        # finds it without a guessed id.
        "url": "https://pubmed.ncbi.nlm.nih.gov/?term=%22Outcome+and+prognostic+features+in+opsoclonus-myoclonus+syndrome+from+infancy+to+adult+life%22",
        "citation": "Brunklaus A, Pohl K, Zuberi SM, de Sousa C. Outcome and prognostic features in opsoclonus-myoclonus syndrome from infancy to adult life. Pediatrics. 2011;128(2):e388-e394.",
        "accessed": None,
    },
    {
        "key": "hasegawa",
        "year": 2015,
        "url": "https://doi.org/10.1016/j.braindev.2014.10.010",
        "citation": "Hasegawa S, et al. A nationwide survey of opsoclonus-myoclonus syndrome in Japanese children. Brain Dev. 2015;37(7):656-660.",
        "accessed": CONFIRMED,
    },
    {
        "key": "russo",
        "year": 1997,
        "url": "https://pubmed.ncbi.nlm.nih.gov/9078325/",
        "citation": "Russo C, Cohn SL, Petruzzi MJ, de Alarcon PA. Long-term neurologic outcome in children with opsoclonus-myoclonus associated with neuroblastoma: a report from the Pediatric Oncology Group. Med Pediatr Oncol. 1997;28(4):284-288.",
        "accessed": CONFIRMED,
    },
    {
        "key": "cog",
        "year": 2018,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC5783315/",
        "citation": "de Alarcon PA, Matthay KK, London WB, et al. Intravenous immunoglobulin with prednisone and risk-adapted chemotherapy for children with opsoclonus myoclonus ataxia syndrome associated with neuroblastoma (ANBL00P3): a randomised, open-label, phase 3 trial. Lancet Child Adolesc Health. 2018;2(1):25-34.",
        "accessed": CONFIRMED,
    },
    {
        "key": "ritux",
        "year": 2006,
        "url": "https://pubmed.ncbi.nlm.nih.gov/17006265/",
        "citation": "Pranzatelli MR, et al. Rituximab (anti-CD20) adjunctive therapy for opsoclonus-myoclonus syndrome. J Pediatr Hematol Oncol. 2006;28(9):585-593.",
        "accessed": CONFIRMED,
    },
    {
        "key": "rossor",
        "year": 2022,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC8906188/",
        "citation": "Rossor T, Yeh EA, Khakoo Y, et al. Diagnosis and management of opsoclonus-myoclonus-ataxia syndrome in children: an international perspective. Neurol Neuroimmunol Neuroinflamm. 2022;9(3):e1153.",
        "accessed": CONFIRMED,
    },
    {
        "key": "boston",
        "year": None,
        "url": "https://specialists.childrenshospital.org/conditions/opsoclonus-myoclonus-syndrome",
        "citation": "Boston Children's Hospital. Opsoclonus-myoclonus syndrome (conditions and treatments page).",
        "accessed": CONFIRMED,
    },
    {
        "key": "bataller",
        "year": 2001,
        "url": "https://pubmed.ncbi.nlm.nih.gov/11157570/",
        "citation": "Bataller L, Graus F, Saiz A, Vilchez JJ. Clinical outcome in adult onset idiopathic or paraneoplastic opsoclonus-myoclonus. Brain. 2001;124(2):437-443.",
        "accessed": CONFIRMED,
    },
    {
        "key": "armangue",
        "year": 2016,
        "url": "https://doi.org/10.1001/jamaneurol.2015.4607",
        "citation": "Armangue T, et al. Clinical and immunological features of opsoclonus-myoclonus syndrome in the era of neuronal cell surface antibodies. JAMA Neurol. 2016;73(4):417-424.",
        "accessed": CONFIRMED,
    },
    {
        "key": "adult",
        "year": 2012,
        "url": "https://doi.org/10.1001/archneurol.2012.1173",
        "citation": "Klaas JP, et al. Adult-onset opsoclonus-myoclonus syndrome. Arch Neurol. 2012;69(12):1598-1607 (Mayo Clinic series).",
        "accessed": CONFIRMED,
    },
    {
        "key": "nice-ns",
        "year": 2012,
        "url": "https://www.nice.org.uk/guidance/cg151/chapter/1-Recommendations",
        "citation": "National Institute for Health and Care Excellence. Neutropenic sepsis: prevention and management in people with cancer. Clinical guideline CG151, 2012.",
        "accessed": CONFIRMED,
    },
    {
        "key": "greenbook",
        "year": None,
        "url": "https://www.gov.uk/government/publications/contraindications-and-special-considerations-the-green-book-chapter-6",
        "citation": "UK Health Security Agency. Immunisation against infectious disease (the Green Book), chapter 6: contraindications and special considerations; chapter 34: varicella.",
        "accessed": CONFIRMED,
    },
    {
        "key": "acip",
        "year": None,
        "url": "https://www.cdc.gov/vaccines/hcp/imz-best-practices/",
        "citation": "US CDC Advisory Committee on Immunization Practices. General Best Practice Guidelines for Immunization: altered immunocompetence.",
        "accessed": None,
    },
    {
        "key": "mfc",
        "year": None,
        # The "Prednisolone for nephrotic syndrome" leaflet (long courses) could not be
        # confirmed at a Medicines for Children address, so this confirmed leaflet stays.
        # It says: after 2-3 weeks or more, do not stop prednisolone suddenly, as the
        # child is likely to become unwell. Pages cite it only for prednisolone itself.
        "url": "https://www.medicinesforchildren.org.uk/search-for-a-leaflet/prednisolone-for-asthma/",
        "citation": "Medicines for Children (RCPCH, NPPG, WellChild). Prednisolone for asthma: information for parents and carers.",
        "accessed": CONFIRMED,
    },
    {
        "key": "nhs-fit",
        "year": None,
        "url": "https://www.nhs.uk/conditions/epilepsy/what-to-do-if-someone-has-a-seizure-fit/",
        "citation": "NHS. Epilepsy: what to do if someone has a seizure (fit).",
        "accessed": None,
    },
    {
        "key": "ivig-label",
        "year": None,
        # One product's label: Privigen, DailyMed set id 7e5649da-75be-4a42-8eeb-4aeba562c401.
        # The set id was confirmed on DailyMed's beta site; this address on the main
        # site has not been opened yet.
        "url": "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=7e5649da-75be-4a42-8eeb-4aeba562c401",
        "citation": "Privigen (immune globulin intravenous) US prescribing information: aseptic meningitis syndrome. DailyMed.",
        "accessed": None,
    },
    {
        "key": "ritux-label",
        "year": None,
        "url": "https://nctr-crs.fda.gov/fdalabel/services/spl/set-ids/b172773b-3905-4a1c-ad95-bab4b6126563/spl-doc",
        "citation": "Rituximab (Rituxan) prescribing information: infusion-related reactions, hypogammaglobulinaemia, infections. US Food and Drug Administration label.",
        "accessed": CONFIRMED,
    },
    {
        "key": "natpsa",
        "year": 2020,
        # NHS England's list of patient safety alerts, where the alert is published; not yet opened.
        "url": "https://www.england.nhs.uk/patient-safety/patient-safety-alerts/",
        "citation": "NHS England. National Patient Safety Alert NatPSA/2020/005/NHSPS: Steroid Emergency Card to support early recognition and treatment of adrenal insufficiency, 2020.",
        "accessed": None,
    },
    {
        "key": "bnfc",
        "year": None,
        "url": "https://bnfc.nice.org.uk/drugs/",
        "citation": "BNF for Children (BNFC). Corticosteroids: may mask signs of infection; azathioprine and cyclophosphamide: report bruising, bleeding, sore throat, mouth ulcers, blood in urine. NICE and the Royal Pharmaceutical Society.",
        "accessed": None,
    },
    {
        "key": "nhs-head",
        "year": None,
        "url": "https://www.nhs.uk/conditions/head-injury-and-concussion/",
        "citation": "NHS. Head injury and concussion: when to call the emergency number.",
        "accessed": None,
    },
    {
        "key": "desst",
        "year": None,
        "url": "https://dancingeyes.org.uk/about-des/",
        "citation": "Dancing Eye Syndrome Support Trust (UK charity for families). About Dancing Eye Syndrome.",
        "accessed": CONFIRMED,
    },
    {
        "key": "omslife",
        "year": None,
        "url": "https://omslifefoundation.org/about-omslife/",
        "citation": "OMSLife Foundation (US family foundation). About OMS and OMSLife.",
        "accessed": CONFIRMED,
    },
]
