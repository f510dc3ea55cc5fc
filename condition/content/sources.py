"""Sources for the default OMS content, from ../shared/brief/content-facts.md."""

SOURCES = [
    {
        "key": "article",
        "year": None,
        "url": "https://www.verywellhealth.com/",
        "citation": "Opsoclonus-Myoclonus Syndrome Symptoms and Treatment. Verywell Health (consumer-health article the clinic started from).",
    },
    {
        "key": "nord",
        "year": 2016,
        "url": "https://rarediseases.org/rare-diseases/opsoclonus-myoclonus-syndrome/",
        "citation": "Pranzatelli MR. Opsoclonus-Myoclonus Syndrome. National Organization for Rare Disorders (NORD), Rare Disease Database, 2016 (revised 2023).",
    },
    {
        "key": "discover",
        "year": 2000,
        "url": "",
        "citation": "Pranzatelli M. Vital Signs: Friendly Fire. Discover, 2000.",
    },
    {
        "key": "orpha",
        "year": None,
        "url": "https://www.orpha.net/",
        "citation": "Orphanet. Opsoclonus-myoclonus syndrome. Orphanet, the portal for rare diseases and orphan drugs.",
    },
    {
        "key": "pranz17",
        "year": 2017,
        "url": "https://doi.org/10.3389/fneur.2017.00468",
        "citation": "Pranzatelli MR, Tate ED, McGee NR. Demographic, clinical, and immunologic features of 389 children with opsoclonus-myoclonus syndrome: a cross-sectional study. Front Neurol. 2017;8:468.",
    },
    {
        "key": "pang",
        "year": 2010,
        "url": "https://pubmed.ncbi.nlm.nih.gov/19423368/",
        "citation": "Pang KK, de Sousa C, Lang B, Pike MG. A prospective study of the presentation and management of dancing eye syndrome/opsoclonus-myoclonus syndrome in the United Kingdom. Eur J Paediatr Neurol. 2010;14(2):156-161.",
    },
    {
        "key": "brunk",
        "year": 2011,
        "url": "",
        "citation": "Brunklaus A, Pohl K, Zuberi SM, de Sousa C. Outcome and prognostic features in opsoclonus-myoclonus syndrome from infancy to adult life. Pediatrics. 2011;128(2):e388-e394.",
    },
    {
        "key": "hasegawa",
        "year": 2015,
        "url": "",
        "citation": "Hasegawa S, et al. A nationwide survey of opsoclonus-myoclonus syndrome in Japanese children. Brain Dev. 2015;37(7):656-660.",
    },
    {
        "key": "russo",
        "year": 1997,
        "url": "https://pubmed.ncbi.nlm.nih.gov/9078325/",
        "citation": "Russo C, Cohn SL, Petruzzi MJ, de Alarcon PA. Long-term neurologic outcome in children with opsoclonus-myoclonus associated with neuroblastoma: a report from the Pediatric Oncology Group. Med Pediatr Oncol. 1997;28(4):284-288.",
    },
    {
        "key": "cog",
        "year": 2018,
        "url": "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5783315/",
        "citation": "de Alarcon PA, Matthay KK, London WB, et al. Intravenous immunoglobulin with prednisone and risk-adapted chemotherapy for children with opsoclonus myoclonus ataxia syndrome associated with neuroblastoma (ANBL00P3): a randomised, open-label, phase 3 trial. Lancet Child Adolesc Health. 2018;2(1):25-34.",
    },
    {
        "key": "ritux",
        "year": 2006,
        "url": "https://pubmed.ncbi.nlm.nih.gov/17006265/",
        "citation": "Pranzatelli MR, et al. Rituximab (anti-CD20) adjunctive therapy for opsoclonus-myoclonus syndrome. J Pediatr Hematol Oncol. 2006;28(9):585-593.",
    },
    {
        "key": "rossor",
        "year": 2022,
        "url": "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8906188/",
        "citation": "Rossor T, Yeh EA, Khakoo Y, et al. Diagnosis and management of opsoclonus-myoclonus-ataxia syndrome in children: an international perspective. Neurol Neuroimmunol Neuroinflamm. 2022;9(3):e1153.",
    },
    {
        "key": "boston",
        "year": None,
        "url": "https://www.childrenshospital.org/",
        "citation": "Boston Children's Hospital. Opsoclonus-myoclonus syndrome (conditions and treatments page).",
    },
    {
        "key": "bataller",
        "year": 2001,
        "url": "https://pubmed.ncbi.nlm.nih.gov/11157570/",
        "citation": "Bataller L, Graus F, Saiz A, Vilchez JJ. Clinical outcome in adult onset idiopathic or paraneoplastic opsoclonus-myoclonus. Brain. 2001;124(2):437-443.",
    },
    {
        "key": "armangue",
        "year": 2016,
        "url": "",
        "citation": "Armangue T, et al. Clinical and immunological features of opsoclonus-myoclonus syndrome in the era of neuronal cell surface antibodies. JAMA Neurol. 2016;73(4):417-424.",
    },
    {
        "key": "adult",
        "year": 2012,
        "url": "",
        "citation": "Klaas JP, et al. Adult-onset opsoclonus-myoclonus syndrome. Arch Neurol. 2012;69(12):1598-1607 (Mayo Clinic series).",
    },
]
