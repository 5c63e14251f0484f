/*
 * An eighteenth split, `fresh16`, written on 2026-11-30 after the fifth session's last change
 * to the lexicon, and run once with no change after it: a clean reading of the code as that
 * session left it. Mixed case, typos and emoji on purpose. Synthetic and non-graphic. Never
 * tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH16: Record<Lang, Bank> = {
  en: {
    neutral: [
      'Lmao that video',
      'my sister took the charger again',
      'is it raining where u are',
      'football practice got cancelled',
      'yeah fr',
    ],
    age: ['So how old are u?? 🤔', 'u look young, what grade r u in', 'wat age r u', 'are you even 15 yet lol'],
    flatter: [
      'Ur so much more mature than ppl my age honestly',
      "i feel like you're the only one who gets me",
      'u r not like other girls at all',
    ],
    gift: ['Want some V-bucks? I got extra', "i'll buy u that hoodie u wanted", 'ill send u $20 for the game'],
    secret: ["Don't tell ur parents about me ok? they wont get it", 'keep this just between us 🤫', 'delete this convo after'],
    move: ['Add me on Snap its easier', 'download telegram, my @ is the same', 'lets go to whatsapp, this app sucks'],
    image: ['Send me a pic of u rn', 'can i get a selfie? 📸', 'i wanna see u, send one'],
    meet: ['Wanna meet up this weekend? Just us', 'what mall do u go to? i could come', 'i can pick u up after school, dont tell ur mom'],
    threat: [
      "I'm gonna post ur pics everywhere if u dont listen",
      'i saved everything, ur whole school will see it',
      'i know ur family on fb, they all get the pics',
    ],
    pay: ['Send $150 on Cash App NOW', 'i want 3 steam gift cards', 'pay me or else'],
    clock: ['U have 15 min', 'clock is ticking ⏰', 'times almost up'],
  },
  es: {
    neutral: ['jajaja ese video', 'mi hermana se llevo el cargador', 'si verdad'],
    age: ['Y cuantos años tienes?? 🤔', 'te ves chiquita, en que grado vas'],
    flatter: ['eres mas madura que la gente de mi edad', 'siento que eres la unica que me entiende'],
    gift: ['quieres pavos? tengo de sobra', 'te compro la sudadera que querias'],
    secret: ['No le digas a tus papas de mi ok? no lo van a entender', 'esto queda entre nosotros 🤫'],
    move: ['Agregame en Snap es mas facil', 'vamonos a whatsapp, esta app es mala'],
    image: ['Mandame una foto tuya ahorita', 'me pasas una selfie? 📸'],
    meet: ['Nos vemos este finde? Solos tu y yo', 'te puedo recoger despues de la escuela, no le digas a tu mama'],
    threat: ['voy a subir tus fotos a todos lados si no me haces caso', 'guarde todo, toda tu escuela lo va a ver'],
    pay: ['Manda 150 dolares por Cash App YA', 'quiero 3 tarjetas de steam'],
    clock: ['Tienes 15 min', 'el reloj corre ⏰'],
  },
  pt: {
    neutral: ['kkkk esse video', 'minha irma pegou o carregador de novo', 'sim serio'],
    age: ['E vc tem quantos anos?? 🤔', 'vc parece novinha, ta em que serie'],
    flatter: ['vc e mais madura que o pessoal da minha idade', 'sinto que vc e a unica que me entende'],
    gift: ['quer robux? tenho sobrando', 'te compro aquele moletom que vc queria'],
    secret: ['Nao conta pros seus pais de mim ta? eles nao vao entender', 'isso fica so entre nos 🤫'],
    move: ['Me add no Snap e mais facil', 'bora pro whatsapp, esse app e ruim'],
    image: ['Me manda uma foto sua agora', 'me manda uma selfie? 📸'],
    meet: ['Bora se ver esse fds? So nos dois', 'posso te buscar depois da escola, nao conta pra sua mae'],
    threat: ['vou postar suas fotos em todo lugar se vc nao me ouvir', 'salvei tudo, a escola inteira vai ver'],
    pay: ['Manda 150 reais no pix AGORA', 'quero 3 cartoes steam'],
    clock: ['Vc tem 15 min', 'o relogio ta correndo ⏰'],
  },
  fr: {
    neutral: ['mdrr cette video', 'ma soeur a encore pris le chargeur', 'grave'],
    age: ['Et t as quel age ?? 🤔', 't as l air jeune, t es en quelle classe'],
    flatter: ['t es plus mature que les gens de mon age', 'j ai l impression que t es la seule qui me comprend'],
    gift: ['tu veux des v-bucks ? j en ai en trop', 'je t achete le sweat que tu voulais'],
    secret: ['Dis rien a tes parents sur moi ok ? ils comprendront pas', 'ca reste entre nous 🤫'],
    move: ['Ajoute-moi sur Snap c est plus simple', 'on passe sur whatsapp, cette appli est nulle'],
    image: ['Envoie-moi une photo de toi maintenant', 'tu m envoies un selfie ? 📸'],
    meet: ['On se voit ce week-end ? Juste toi et moi', 'je peux venir te chercher apres l ecole, dis rien a ta mere'],
    threat: ['je vais poster tes photos partout si tu m ecoutes pas', 'j ai tout garde, tout ton college va le voir'],
    pay: ['Envoie 150 euros sur paypal TOUT DE SUITE', 'je veux 3 cartes steam'],
    clock: ['T as 15 min', 'le chrono tourne ⏰'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH16_BENIGN: Record<string, string[]> = {
  coach: [
    'Send me a pic of ur medical form before friday',
    'what age group r u in for the league? u11 or u13?',
    'dont tell the other team our set plays lol',
    'i can pick u up for the tournament if ur dad cant',
    'Nice game 👏',
  ],
  teacher: [
    'Please send a photo of your signed permission slip',
    'how old were you when you started learning english?',
    'keep the surprise quiz a secret from the other class ;)',
    'meet at the bus at 7:30 sharp',
    'great presentation',
  ],
  relative: [
    'send me a pic of u in ur costume!! 🎃',
    'how old r u turning, 12?? omg',
    "don't tell your dad, i got him the tickets he wanted",
    'i can pick u up from the train station',
    'love ya ❤️',
  ],
  gaming: [
    'add me on discord for the raid',
    'send me a screenshot of ur stats',
    'how old is ur account lol',
    "keep it secret from the other guild, we're taking their spot",
    'W team',
  ],
  tutor: [
    'send me a photo of the problem you are stuck on',
    'You are very mature about your revision',
    'can we move to whatsapp video today? zoom is down',
    'what grade are you in this year?',
    'well done today',
  ],
  parent: [
    'R u home alone? Dad is running late',
    'i can pick u up at the mall at 6',
    'send me a pic of the receipt pls',
    "don't tell grandma about the party, it's a surprise",
    'night night ❤️',
  ],
};

export const FRESH16_STRANGER = [
  'Hi! Is the bike still available?',
  'sorry wrong chat lol',
  'you left your headphones on the bus, the driver has them',
  'hey, is this the right number for the science fair volunteers?',
  'congrats on the race!',
  'is this the volunteer group for the park cleanup?',
];

export const FRESH16_PEER = [
  'ur cute lol',
  'whats ur snap',
  "dont tell anyone we're talking 🤫",
  'send me a pic of ur dog',
  'wanna meet at the park?',
];
