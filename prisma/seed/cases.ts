// The demo cases loaded on first start: Kazakhstan 2018–2022, every fact taken from a seed report.
import type { SeedCase } from "./types";

export const demoCases: SeedCase[] = [
  // ---------------------------------------------------------------------------------------------
  // The report never prints the year; its references to the coronavirus pandemic, vaccination
  // passports and Nazarbayev's Nur Otan government place the 6 July rally in 2021.
  {
    slug: "red-yurt-almaty-2021",
    title: "Red Yurt activists detained after the 6 July 2021 rally in Almaty",
    summary:
      "At a rally called by the Kazakhstan Democratic Party in Almaty on 6 July 2021, special police units kept the protesters encircled for nearly ten hours and beat several of them. Yrysbek Toktasyn and Dauren Dostiyarov were given ten days of detention after a summary online hearing, while Valikhan Sultanov was held in a psychiatric hospital until 14 July and his lawyer was refused access. Hours after Sultanov was freed, Red Yurt member Alimzhan Izbasarov was detained and given six days of administrative arrest for petty hooliganism over the same rally.",
    country: "KZ",
    startedOn: "2021-07-06",
    sources: [
      {
        key: "redyurt-2021",
        title: "Red Yurt's day-by-day account of the 6 July rally in Almaty and the detention of its activists",
        publisher: "Red Yurt, with commentary by the Committee for a Workers' International (CWI)",
        reference: "seeds/000_d497fdb2a5226d32.txt",
      },
    ],
    people: [
      {
        name: "Valikhan Sultanov",
        description: "Communist activist and member of the left-wing group Red Yurt.",
        statusHistory: [
          {
            status: "detained",
            occurredOn: "2021-07-06",
            note: "Beaten by security forces at the end of the rally and taken to a police department.",
            source: "redyurt-2021",
          },
          {
            status: "psychiatric_detention",
            occurredOn: "2021-07-06",
            note: "Held at the Center for Mental Health in Almaty without access to his lawyer; 10 July was his fifth day there.",
            source: "redyurt-2021",
          },
          {
            status: "released",
            occurredOn: "2021-07-14",
            note: "Freed from the psychiatric hospital; in a video he said he might otherwise have been kept for another six months.",
            source: "redyurt-2021",
          },
        ],
        charges: [],
      },
      {
        name: "Yrysbek Toktasyn",
        description: "Left-wing activist whom Red Yurt calls one of its comrades.",
        heldAt: "Special Prison for the Administratively Arrested",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2021-07-06",
            note: "Beaten and taken away by police at the rally, then given ten days of detention in a summary online hearing; for two days his friends could not find him on any list of detainees.",
            source: "redyurt-2021",
          },
        ],
        charges: [],
      },
      {
        name: "Dauren Dostiyarov",
        description: "Left-wing activist whom Red Yurt calls one of its comrades.",
        heldAt: "Special Prison for the Administratively Arrested",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2021-07-06",
            note: "Beaten and taken away by police at the rally, then given ten days of detention in a summary online hearing; for two days his friends could not find him on any list of detainees.",
            source: "redyurt-2021",
          },
        ],
        charges: [],
      },
      {
        name: "Alimzhan Izbasarov",
        description: "Communist activist and Red Yurt member who spoke at the rally in a personal capacity.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2021-07-14",
            note: "Detained over his part in the 6 July rally and given six days of administrative arrest; he says he was struck in the stomach during the arrest, and his lawyer lodged an appeal.",
            source: "redyurt-2021",
          },
        ],
        charges: [
          {
            law: "Administrative Code",
            article: "434",
            description: "Petty hooliganism",
            source: "redyurt-2021",
          },
        ],
      },
    ],
    events: [
      {
        occurredOn: "2021-07-06",
        description:
          "The Kazakhstan Democratic Party held a rally in Almaty against rising prices and Chinese investment in the economy. Red Yurt members Alimzhan Izbasarov and Valikhan Sultanov attended on their own initiative and were allowed to speak.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-06",
        description:
          "From noon, special police units encircled the protesters on the grounds that the rally was unauthorised and kept them there until almost 10 pm, at first blocking deliveries of water. By mid-afternoon 28 protesters, nine of them women, faced some 200 to 250 officers.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-06",
        description:
          "After the protesters tried to leave the cordon, officers beat Valikhan Sultanov, Yrysbek Toktasyn and Dauren Dostiyarov and took them to a police department. When friends reached the Bostandyk police station, the three were no longer there.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-07",
        description:
          "Red Yurt and the Citizens' Defence association searched police stations and detention centres across the city without finding the three men registered anywhere. That evening Sultanov sent word that he was being held at Almaty's Center for Mental Health.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-08",
        description:
          "The Kazakhstan International Bureau for Human Rights and Rule of Law hired a lawyer for the detainees. Toktasyn and Dostiyarov were then found in a special prison for administrative detainees, unregistered and already serving ten days. At the psychiatric hospital, the head doctor confirmed Sultanov was there but refused a visit and warned that he would fare worse if the search went on.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-10",
        description:
          "Hospital managers refused to let Sultanov's lawyer see him, citing coronavirus rules even after he showed his vaccination passport, and asked for a written request to be answered within three days.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-14",
        description: "Valikhan Sultanov was released from the psychiatric hospital.",
        source: "redyurt-2021",
      },
      {
        occurredOn: "2021-07-14",
        description:
          "A few hours later Alimzhan Izbasarov was detained over the 6 July rally and given six days of administrative arrest for petty hooliganism. Red Yurt says he committed no offence and was peaceful towards the police.",
        source: "redyurt-2021",
      },
    ],
    demands: [
      {
        text: "Quash the administrative arrest of Alimzhan Izbasarov and release him.",
      },
      {
        text: "Quash the ten-day detention terms of Yrysbek Toktasyn and Dauren Dostiyarov, which were imposed in a summary online hearing.",
      },
      {
        text: "Investigate the beating of protesters by security forces at the 6 July 2021 rally in Almaty and hold the officers responsible to account.",
      },
      {
        text: "Investigate why Valikhan Sultanov was placed in a psychiatric hospital and kept from his lawyer, and guarantee that psychiatric detention is never used against activists.",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    slug: "dck-supporters-2019",
    title: "Criminal prosecution of Democratic Choice of Kazakhstan supporters, 2019",
    summary:
      "In 2019 the authorities stepped up criminal cases against people accused of supporting the Democratic Choice of Kazakhstan (DCK), an opposition movement a court declared extremist in March 2018. Around the protests of 6 July 2019, at least seven people were held in pre-trial detention and at least seven placed under house arrest, among them three mothers of large families, a 68-year-old pensioner and a doctor. Their relatives faced pressure, bank accounts were blocked, and a press conference on the three mothers' cases was broken up by attackers.",
    country: "KZ",
    startedOn: "2019",
    sources: [
      {
        key: "odf-2019",
        title: "Kazakhstan After the 6th of July 2019: Authorities Persecute and Imprison the Participants of Peaceful Protests",
        publisher: "Open Dialogue Foundation",
        reference: "seeds/001_0018abe17a8e756f.txt",
      },
    ],
    people: [
      {
        name: "Oksana Shevchuk",
        description: "Mother of four young children, the youngest a breastfed baby, accused of supporting the DCK.",
        statusHistory: [
          {
            status: "detained",
            occurredOn: "2019-05-09",
            note: "Held for three hours in a temporary detention facility together with her baby, then let go.",
            source: "odf-2019",
          },
          {
            status: "pre_trial_detention",
            occurredOn: "2019-07-04",
            note: "A court replaced her house arrest with pre-trial detention; she has been kept in solitary confinement, and her lawyer reports threats to prosecute her husband.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Zhazira Demeuova",
        description: "Single mother of a large family accused of supporting the DCK.",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2019-07",
            note: "Moved from house arrest to pre-trial detention days before the 6 July rally; kept in solitary confinement until 17 July 2019.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Gulzipa Dzhaukerova",
        description: "Single mother of a large family whose nine-year-old child has a disability; accused of supporting the DCK.",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2019-07-04",
            note: "A court replaced her house arrest with pre-trial detention after an all-night wait; kept in solitary confinement until 17 July 2019.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Anuar Ashiraliyev",
        description: "Activist with a disability accused of supporting the DCK.",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2019-07",
            note: "Sent to pre-trial detention at the same time as Shevchuk, Demeuova and Dzhaukerova; on 9 July police claimed a medical examination had found him to be a drug addict.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Bolatkhan Zhunusov",
        description: "68-year-old pensioner from Taldykorgan, Almaty Region.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2019-02",
            note: "Given one year of restricted freedom for social media comments supporting the DCK programme.",
            source: "odf-2019",
          },
          {
            status: "pre_trial_detention",
            occurredOn: "2019-07-05",
            note: "Detained and placed in pre-trial detention for urging people on Facebook to join the 6 July rally; investigators also blocked his bank account.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Serik Zhakhin",
        description: "Resident of Nur-Sultan with a long history of pituitary adenoma that needs regular medical follow-up.",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2019-06",
            note: "Held in pre-trial detention since early June 2019.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Syrym Rakhmetov",
        description: "Doctor from Almaty.",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2019-06-14",
            note: "Detained on 14 June 2019 and still in pre-trial detention, where he is reported to have been ill-treated; police circulated a video in which he urged people to value peace.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "272",
            description: "Calling for rallies and riots, in his case on social networks",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Aslan Makatov",
        description: "Protester from Aktobe with a disability who needs eye surgery.",
        statusHistory: [
          {
            status: "detained",
            occurredOn: "2019-07-06",
            note: "Detained at the rally and held in custody; investigators say he grabbed an officer's uniform and hit him once.",
            source: "odf-2019",
          },
          {
            status: "house_arrest",
            occurredOn: "2019-07-08",
            note: "Moved from custody to house arrest.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "380",
            description: "Violence against a representative of the authorities",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Akmaral Kerimbayeva",
        description: "Mother of a large family from Nur-Sultan who took part in peaceful protests.",
        statusHistory: [
          {
            status: "house_arrest",
            occurredOn: "2019-06-09",
            note: "A court placed her under house arrest after police searches in early June 2019 in which her phone and Kazakh flags were seized.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Gulmira Kalykova",
        description: "Mother of a large family from Nur-Sultan who took part in peaceful protests.",
        statusHistory: [
          {
            status: "house_arrest",
            occurredOn: "2019-06-09",
            note: "A court placed her under house arrest after police searches in early June 2019 in which her phone and Kazakh flags were seized.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Yerkin Kaziev",
        description: "Resident of Kaskelen, Almaty Region.",
        statusHistory: [
          {
            status: "house_arrest",
            occurredOn: "2019",
            note: "Under house arrest; police hurt his leg and dislocated his shoulder when they detained him on 30 April 2019, and his trial opened on 26 July 2019.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Muslim Sapargaliyev",
        description: "Almaty resident prosecuted for a video in which he called for freedom for political prisoners.",
        statusHistory: [
          {
            status: "house_arrest",
            occurredOn: "2019",
            note: "Placed under house arrest over the video.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Kairbek Kenzheakhmetov",
        description: "Almaty resident accused of supporting the DCK who later said police had offered him favours for a video statement.",
        statusHistory: [
          {
            status: "house_arrest",
            occurredOn: "2019",
            note: "Under house arrest; he said police promised him help with lawsuits, a job and money for his children in return for a video statement against Gulzipa Dzhaukerova, and none of it came.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Kalas Nurpeisov",
        description: "School teacher from Almaty who lost his job after the persecution began.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2019-07",
            note: "Given 11 days of administrative detention for joining the 6 July rally, after earlier arrests over the rallies of 1 May and 9 June 2019.",
            source: "odf-2019",
          },
          {
            status: "under_investigation",
            occurredOn: "2019-07-17",
            note: "Brought in for police questioning the moment his arrest ended; relatives say a criminal investigation is under way against him.",
            source: "odf-2019",
          },
          {
            status: "house_arrest",
            occurredOn: "2019-08-09",
            note: "His preventive measure was reportedly changed to one without custody, and the report lists him among those under house arrest; he has no independent lawyer.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2019",
          },
        ],
      },
    ],
    events: [
      {
        occurredOn: "2018-03",
        description:
          "At the prosecutor's request, a court declared the DCK an extremist organisation, accusing it of stirring up social discord and harming the image of the authorities.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-03-14",
        description:
          "In a resolution on Kazakhstan, the European Parliament recognised that the DCK acts peacefully and pointed to political prisoners convicted for backing it.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-06-09",
        description:
          "On presidential election day a court put Akmaral Kerimbayeva and Gulmira Kalykova under house arrest. Official figures say about 4,000 people were detained at protests between 9 and 12 June and 677 were given administrative arrests.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-03",
        description:
          "Police searched Oksana Shevchuk, Zhazira Demeuova and Gulzipa Dzhaukerova and said they had found leaflets for the 6 July rally. Shevchuk says the smoke bombs police reported finding in her backyard were planted.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-04",
        description:
          "In the early morning, after Shevchuk and Dzhaukerova had waited in court all night, the court granted the investigator's request to move the three women from house arrest to pre-trial detention.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-06",
        description:
          "Police detained some 700 people in cities across Kazakhstan to prevent rallies called by the DCK, many of them before they reached the rally sites.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-17",
        description:
          "Demeuova and Dzhaukerova were moved from solitary confinement to shared cells; Shevchuk stayed in solitary confinement.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-22",
        description:
          "About 20 unidentified women burst into a press conference on the three mothers' cases at the Almaty office of the Kazakhstan International Bureau for Human Rights, hitting people, taking journalists' phones and breaking cameras. Police opened a case for arbitrariness rather than for obstructing journalists, and no attacker has been punished.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-26",
        description: "The trial of Yerkin Kaziev began while he remained under house arrest.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-08-09",
        description: "It was reported that Kalas Nurpeisov's preventive measure had been changed to one that does not involve custody.",
        source: "odf-2019",
      },
    ],
    demands: [
      {
        text: "Release everyone held in pre-trial detention or under house arrest for peaceful protest or alleged support of the DCK, and end the criminal and administrative proceedings against them.",
        source: "odf-2019",
      },
      {
        text: "Implement the European Parliament resolution of 14 March 2019: end politically motivated prosecutions, free political prisoners and reform repressive criminal legislation.",
        source: "odf-2019",
      },
      {
        text: "Investigate the ill-treatment of protesters and detainees, including Syrym Rakhmetov and Yerkin Kaziev, and bring the officers responsible to justice.",
        source: "odf-2019",
      },
      {
        text: "Investigate the attack on journalists at the Almaty press conference of 22 July 2019 as obstruction of journalistic work and punish those responsible.",
        source: "odf-2019",
      },
      {
        text: "Replace the permission requirement for peaceful assemblies with a simple notification procedure.",
        source: "odf-2019",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    slug: "fidu-observer-khassenov",
    title: "Criminal case and travel ban against FIDU observer Daniyar Khassenov",
    summary:
      "Daniyar Khassenov monitors politically motivated trials and the detention of peaceful protesters as a volunteer observer for the Italian Federation for Human Rights (FIDU). Since May 2019 he has faced a criminal case for alleged support of the banned Democratic Choice of Kazakhstan and a ban on leaving the country, which has kept him from hearings abroad. Kazakhstan's embassy in Belgium told a Member of the European Parliament that he had taken part in banned rallies, which the Open Dialogue Foundation says is false. Three other FIDU observers were detained and fined for their monitoring work.",
    country: "KZ",
    startedOn: "2019-05-03",
    sources: [
      {
        key: "odf-2019",
        title: "Kazakhstan After the 6th of July 2019: Authorities Persecute and Imprison the Participants of Peaceful Protests",
        publisher: "Open Dialogue Foundation",
        reference: "seeds/001_0018abe17a8e756f.txt",
      },
    ],
    people: [
      {
        name: "Daniyar Khassenov",
        description: "Volunteer observer for the Italian Federation for Human Rights (FIDU) who attends politically motivated trials.",
        statusHistory: [
          {
            status: "under_investigation",
            occurredOn: "2019-05-04",
            note: "A criminal case was opened against him the day after police barred him from leaving Kazakhstan; he holds the procedural status of a witness entitled to protection and has not been given any documents from the case.",
            source: "odf-2019",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist (part 2 of the article)",
            source: "odf-2019",
          },
        ],
      },
      {
        name: "Zhanbota Alzhanova",
        description: "FIDU human rights observer.",
        statusHistory: [
          {
            status: "fined",
            occurredOn: "2019-06",
            note: "Held for about 30 hours from 10 June 2019 after trying to bring water and medicine to detained protesters, then fined 50,500 tenge (about 120 euros).",
            source: "odf-2019",
          },
          {
            status: "released",
            occurredOn: "2019-07-06",
            note: "Police came to her home while she was following the detentions online and held her for several hours before letting her go.",
            source: "odf-2019",
          },
        ],
        charges: [],
      },
      {
        name: "Aigerim Mukhamedzhan",
        description: "FIDU human rights observer.",
        statusHistory: [
          {
            status: "fined",
            occurredOn: "2019-06",
            note: "Held for about 30 hours from 10 June 2019 after trying to bring water and medicine to detained protesters, then fined 50,500 tenge (about 120 euros).",
            source: "odf-2019",
          },
          {
            status: "released",
            occurredOn: "2019-07-06",
            note: "Police came to her home while she was following the detentions online and held her for several hours before letting her go.",
            source: "odf-2019",
          },
        ],
        charges: [],
      },
      {
        name: "Aliya Izbasarova",
        description: "FIDU human rights observer.",
        statusHistory: [
          {
            status: "fined",
            occurredOn: "2019-06",
            note: "Held for about 30 hours from 10 June 2019 after trying to bring water and medicine to detained protesters, then fined 50,500 tenge (about 120 euros).",
            source: "odf-2019",
          },
          {
            status: "released",
            occurredOn: "2019-07-06",
            note: "Police came to her home while she was following the detentions online and held her for several hours before letting her go.",
            source: "odf-2019",
          },
        ],
        charges: [],
      },
    ],
    events: [
      {
        occurredOn: "2019-05-03",
        description: "Almaty police issued a decision forbidding Daniyar Khassenov to leave Kazakhstan.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-05-04",
        description:
          "A criminal case was opened against Khassenov for allegedly taking part in the activities of the DCK, a movement declared extremist.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-05-06",
        description: "A court issued a search order in Khassenov's case; he was shown it at a police station on 13 August.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-06",
        description:
          "Police restricted the bank accounts of Khassenov and his family, a measure lifted after public pressure at home and abroad. From mid-June he was stopped from leaving Kazakhstan seven times, missing invitations from Italian MPs Roberto Rampi and Mauro del Barbara to sessions of PACE, the OSCE Parliamentary Assembly and the Italian Parliament, as well as medical courses at the University of Graz.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-06-10",
        description:
          "FIDU observers Zhanbota Alzhanova, Aigerim Mukhamedzhan and Aliya Izbasarova tried to bring water and medicine to detained protesters; they were held for 30 hours and fined.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-07-06",
        description:
          "As the three observers followed the day's mass detentions on social networks from home, police came to their homes and held them for several hours.",
        source: "odf-2019",
      },
      {
        occurredOn: "2019-08-13",
        description:
          "Right after a press conference in Almaty on his persecution, police detained Khassenov without a proper warrant. His home was searched and phones, a laptop, a USB drive and two posters from a one-person picket were taken.",
        source: "odf-2019",
      },
    ],
    demands: [
      {
        text: "Close the criminal case against Daniyar Khassenov and end the politically motivated persecution of him.",
        source: "odf-2019",
      },
      {
        text: "Lift the ban that keeps Daniyar Khassenov from leaving Kazakhstan.",
      },
      {
        text: "Return the phones, laptop, USB drive and posters seized from Daniyar Khassenov's home.",
      },
      {
        text: "Stop detaining and fining FIDU observers and make sure human rights defenders can do their work safely.",
        source: "odf-2019",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    slug: "may-10-2018-detentions",
    title: "Mass detentions at the 10 May 2018 protests and the arrest of Murat Tungishbayev",
    summary:
      "On 10 May 2018, during a visit by a European Parliament delegation, police violently broke up peaceful protests in several Kazakh cities that called for the release of political prisoners and an end to torture in detention. Police detained more than 150 people, who were given no access to lawyers, and more than 20 were given administrative arrests. The same day, blogger Murat Tungishbayev, accused of supporting the banned Democratic Choice of Kazakhstan (DCK), was arrested in Bishkek, and Kazakhstan plans to seek his extradition.",
    country: "KZ",
    startedOn: "2018-05-10",
    sources: [
      {
        key: "odf-2018",
        title: "Kazakhstan: violent mass detentions of protesters during the visit of the European Parliament delegation",
        publisher: "Open Dialog Foundation",
        reference: "seeds/003_a171a6c5a1f8d85b.txt",
      },
    ],
    people: [
      {
        name: "Murat Tungishbayev",
        description: "Kazakh activist and blogger accused of supporting the DCK on Facebook and Telegram.",
        heldAt: "Detention facility in Kyrgyzstan (arrested in Bishkek)",
        statusHistory: [
          {
            status: "pre_trial_detention",
            occurredOn: "2018-05-10",
            note: "Arrested in Bishkek, Kyrgyzstan, and placed in custody until 10 July 2018; Kazakhstan plans to request his extradition.",
            source: "odf-2018",
          },
        ],
        charges: [
          {
            law: "Criminal Code",
            article: "266",
            description: "Financing the activities of a criminal group",
            source: "odf-2018",
          },
          {
            law: "Criminal Code",
            article: "405",
            description: "Taking part in the activities of an organisation after it has been declared extremist",
            source: "odf-2018",
          },
        ],
      },
      {
        name: "Aydin Yegeubayev",
        description: "Resident of Astana already serving a sentence of restricted freedom after a libel conviction.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2018-05",
            note: "Given five days of administrative arrest after the protests; police broke his finger when they detained him, and the new penalty could be used to turn his restricted freedom into prison.",
            source: "odf-2018",
          },
        ],
        charges: [],
      },
      {
        name: "Yerlan Kaliyev",
        description: "Human rights activist.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2018-05",
            note: "Given five days of administrative arrest in Almaty after the protests.",
            source: "odf-2018",
          },
        ],
        charges: [],
      },
      {
        name: "Gaini Yerimbetova",
        description: "Mother of political prisoner Iskander Yerimbetov.",
        statusHistory: [
          {
            status: "fined",
            occurredOn: "2018-05",
            note: "A court gave her a warning and a fine after the protests.",
            source: "odf-2018",
          },
        ],
        charges: [],
      },
      {
        name: "Myrzahan Yerimbetov",
        description: "Father of political prisoner Iskander Yerimbetov.",
        statusHistory: [
          {
            status: "fined",
            occurredOn: "2018-05",
            note: "A court gave him a warning and a fine after the protests.",
            source: "odf-2018",
          },
        ],
        charges: [],
      },
    ],
    events: [
      {
        occurredOn: "2018-03",
        description:
          "A court banned the opposition movement Democratic Choice of Kazakhstan, exposing anyone who supports it, even with a like on social media, to prison terms of 2 to 17 years.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-03-21",
        description:
          "Over two days, police stopped passers-by carrying blue balloons, the DCK's colour, families with children among them, and warned them they could face criminal charges.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-05-10",
        description:
          "About 300 people joined peaceful protests in Almaty, Astana, Semey, Aktobe, Uralsk, Shymkent and Pavlodar, timed for a European Parliament delegation's visit, to call for the release of political prisoners and an end to torture in detention.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-05-10",
        description:
          "Special police units without identification insignia dispersed the protests by force and detained more than 150 people, including women, elderly people, minors and passers-by; more than 20 were later given administrative arrests.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-05-10",
        description:
          "At police stations, detainees had no lawyers, were threatened with prosecution for supporting the DCK, and in Astana at least 15 had their phones taken. Police popped blue balloons and recorded that activist Maygul Sadykova had handed over three of them voluntarily.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-05-10",
        description:
          "Blogger Murat Tungishbayev, accused by the Kazakh authorities of supporting the DCK, was arrested in Bishkek, Kyrgyzstan.",
        source: "odf-2018",
      },
      {
        occurredOn: "2018-05-11",
        description:
          "Darkhan Kaletayev, Minister for Religious and Civil Society Affairs, proposed that every NGO in Kazakhstan be registered again so that the authorities could study who civil society activists are.",
        source: "odf-2018",
      },
    ],
    demands: [
      {
        text: "Withdraw the extradition request for Murat Tungishbayev and drop the charges against him.",
      },
      {
        text: "Release all political prisoners immediately.",
        source: "odf-2018",
      },
      {
        text: "Guarantee the rights to peaceful assembly and freedom of opinion, and end the arbitrary mass detention of peaceful protesters.",
        source: "odf-2018",
      },
      {
        text: "Investigate the use of force by police during the 10 May 2018 dispersals, including the injury to Aydin Yegeubayev, and hold those responsible to account.",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    slug: "january-2022-torture-journalists",
    title: "Torture of Kosai Makhanbayev and detention of journalists, January 2022",
    summary:
      "During the January 2022 unrest, Almaty resident Kosai Makhanbayev was shot three times, then taken from his hospital bed by armed men and beaten for days in a pre-trial detention centre. His torture complaint was among the investigations closed by November 2022, and he was detained again in the summer after protests outside the prosecutor's office. In the same weeks several journalists were detained or given short prison terms, and the family of another could not reach him.",
    country: "KZ",
    startedOn: "2022-01-05",
    sources: [
      {
        key: "odr-2022",
        title: "No justice for torture victims a year after Kazakhstan's 'Bloody January'",
        publisher: "openDemocracy (oDR), article by Daniyar Moldabekov",
        reference: "seeds/002_d8f28fee8d092074.txt",
        publishedOn: "2022-12-23",
      },
      {
        key: "iwpr-2022",
        title: "Kazak Human Rights Activists Fear Crackdown",
        publisher: "IWPR, Central Asian Bureau for Analytical Reporting",
        reference: "seeds/004_b4f7c03d2ccccde6.txt",
        publishedOn: "2022-01-13",
      },
    ],
    people: [
      {
        name: "Kosai Makhanbayev",
        description: "Almaty resident, aged 38, who resells medicines and was shot while helping a wounded man.",
        statusHistory: [
          {
            status: "detained",
            occurredOn: "2022-01-08",
            note: "Armed, masked men took him from his hospital ward, beat him and drove him to a pre-trial detention centre in Almaty, where he says the beatings went on until 12 January.",
            source: "odr-2022",
          },
          {
            status: "unknown",
            occurredOn: "2022-12-23",
            note: "The December 2022 report says he was detained again in the summer and taken back to the same detention centre, but not whether he is still held.",
            source: "odr-2022",
          },
        ],
        charges: [],
      },
      {
        name: "Kuanysh Ospan",
        description: "Local reporter in Kokshetau, northern Kazakhstan.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2022-01",
            note: "Taken into custody and given a 15-day prison term.",
            source: "iwpr-2022",
          },
        ],
        charges: [],
      },
      {
        name: "Lukpan Akhmedyarov",
        description: "Journalist in Uralsk, north-western Kazakhstan.",
        statusHistory: [
          {
            status: "sentenced",
            occurredOn: "2022-01",
            note: "Given ten days of detention for allegedly taking part in an illegal demonstration; his lawyer Abzal Kuspan says he was covering the protest and also spoke to the crowd once, asking people to stay calm.",
            source: "iwpr-2022",
          },
        ],
        charges: [],
      },
      {
        name: "Makhambet Abzhan",
        description: "Reporter for the independent outlet Exclusive in Nur-Sultan who writes the popular Telegram channel Abzhan News.",
        statusHistory: [
          {
            status: "unknown",
            occurredOn: "2022-01-06",
            note: "His relatives said they had been unable to contact him since 6 January 2022.",
            source: "iwpr-2022",
          },
        ],
        charges: [],
      },
      {
        name: "Daryn Nursapar",
        description: "Editor of the Altay News website.",
        statusHistory: [
          {
            status: "detained",
            occurredOn: "2022-01-07",
            note: "Detained in Ust-Kamenogorsk while reporting on the demonstrations.",
            source: "iwpr-2022",
          },
        ],
        charges: [],
      },
    ],
    events: [
      {
        occurredOn: "2022-01-05",
        description:
          "Thousands gathered on Republic Square in Almaty in support of protests over gas prices in western Kazakhstan. When police fired live rounds, Kosai Makhanbayev was hit three times while helping to lift a wounded man, and was taken to hospital.",
        source: "odr-2022",
      },
      {
        occurredOn: "2022-01-05",
        description:
          "The government declared a state of emergency across the country after protests over a fuel price rise turned into clashes.",
        source: "iwpr-2022",
      },
      {
        occurredOn: "2022-01-07",
        description:
          "Altay News editor Daryn Nursapar was detained in Ust-Kamenogorsk while reporting on the protests. The same day Muratkhan Bazarbayev, a television journalist, was killed by gunfire in Almaty.",
        source: "iwpr-2022",
      },
      {
        occurredOn: "2022-01-08",
        description:
          "Masked gunmen, with a plain-clothes officer later identified as belonging to the National Security Committee (KNB), entered Makhanbayev's ward at Almaty's Central Hospital No. 12. They beat him, made him crawl to a police van and struck him with rifle butts on the way to a pre-trial detention centre.",
        source: "odr-2022",
      },
      {
        occurredOn: "2022-01-11",
        description: "By this date close to 10,000 people, foreign citizens among them, had been detained in connection with the protests.",
        source: "iwpr-2022",
      },
      {
        occurredOn: "2022-01-12",
        description:
          "According to Makhanbayev, detainees at the centre were stripped and beaten, went without food for the first two days and received no medical care; the beatings lasted until this date.",
        source: "odr-2022",
      },
      {
        occurredOn: "2022-01-13",
        description:
          "A report published on this date said reporter Kuanysh Ospan had been given 15 days in Kokshetau and journalist Lukpan Akhmedyarov ten days in Uralsk, and that relatives of journalist Makhambet Abzhan had been unable to reach him since 6 January.",
        source: "iwpr-2022",
      },
      {
        occurredOn: "2022-06-01",
        description:
          "People who said they had been tortured in January had protested for months outside the Almaty city prosecutor's office to demand proper investigations. Police later detained Makhanbayev in the summer, accusing him of organising an unauthorised rally there on 1 June, and returned him to the detention centre where he had been tortured.",
        source: "odr-2022",
      },
      {
        occurredOn: "2022-10-31",
        description:
          "By this date the Coalition of Non-Governmental Organisations Against Torture had logged 190 complaints of torture and other ill-treatment linked to the January protests.",
        source: "odr-2022",
      },
      {
        occurredOn: "2022-11",
        description:
          "Investigators had closed 80% of the torture cases by this point, Makhanbayev's included. Human rights commissioner Elvira Azimova attributed the closures to a lack of evidence.",
        source: "odr-2022",
      },
    ],
    demands: [
      {
        text: "Reopen the investigation into the torture of Kosai Makhanbayev and of the other patients taken from Almaty hospitals in January 2022, and bring those responsible to justice.",
        source: "odr-2022",
      },
      {
        text: "Secure the CCTV recordings from the Almaty pre-trial detention centre and give torture victims and their lawyers access to them.",
        source: "odr-2022",
      },
      {
        text: "Release everyone detained arbitrarily during and after the January 2022 protests, and guarantee a fair trial to anyone charged.",
        source: "iwpr-2022",
      },
      {
        text: "Stop detaining and jailing journalists over the protests, and quash the detention terms given to Kuanysh Ospan and Lukpan Akhmedyarov.",
      },
      {
        text: "Say whether journalist Makhambet Abzhan is in custody and, if he is, where, and let his family contact him.",
      },
    ],
  },
];
