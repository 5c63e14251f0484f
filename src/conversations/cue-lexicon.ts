/*
 * Cues of the documented grooming stages and the financial sextortion script, in English,
 * Spanish, Portuguese and French, written against `normalizeText` output (lower case, no
 * accents, disguises undone). Non-graphic by rule: the cues are the moves (asking a child's
 * age, asking for secrecy, moving to another app, offering gifts, asking for images or a
 * meeting, threatening, demanding payment), never descriptions of acts or bodies.
 */

export const STAGES = [
  'friendship_forming',
  'relationship_forming',
  'risk_assessment',
  'exclusivity_secrecy',
  'isolation_platform_move',
  'image_request',
  'desensitisation',
  'compliance_testing',
  'meeting_request',
  'sextortion_threat',
  'payment_demand',
  'countdown',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_BIT = Object.fromEntries(STAGES.map((s, i) => [s, 1 << i])) as Record<Stage, number>;

/** The languages the lexicon is written for. */
export type CueLang = 'en' | 'es' | 'pt' | 'fr';

export interface CueDef {
  code: string;
  stage: Stage;
  detail: string;
  patterns: Record<'en' | 'es' | 'pt' | 'fr', string[]>;
  /**
   * Asked every day by adults the child chose to connect with (a relative checking the
   * school year, a coach filling in a roster): from them it is not a move on its own, and
   * only an unconnected adult's use of it counts towards a rule.
   */
  everydayWhenConnected?: true;
  /** A message that also matches one of these does not carry the cue (a secret that is a surprise for someone else). */
  unless?: Partial<Record<'en' | 'es' | 'pt' | 'fr', string[]>>;
}

/** A third person's surprise: a party, a present or flowers for him, her, them or a named relative. */
const FOR_SOMEONE_ELSE = '(?:him|her|them|(?:your|ur) (?:mom|mum|dad|sister|brother|grandma|grandpa|nana|aunt|uncle|cousin|teacher|coach))';
const SURPRISE_FOR_SOMEONE = [
  'surpris',
  `(?:party|gift|present|cake|card|flowers) for ${FOR_SOMEONE_ELSE}`,
  `(?:planning|throwing|getting|buying|making|baking|organi[sz]ing) ${FOR_SOMEONE_ELSE}`,
  `(?:got|bought|made|baked|ordered|found) ${FOR_SOMEONE_ELSE} (?:a|an|the|some|his|her|their)\\b`,
  "(?:his|her|their|dad'?s|mom'?s|mum'?s|grandma'?s|grandpa'?s|sister'?s|brother'?s) (?:gift|present|party|birthday|cake)",
  '(?:planning|throwing) (?:a|the) (?:party|surprise)',
  'secret from (?:your|ur) (?:brother|sister|cousin|grandma|grandpa|nana|aunt|uncle|teacher|coach)',
  'keep (?:the|this|that) (?:gift|present|surprise|party|cake|plan) (?:a )?secret',
  'secret (?:until|till|til) (?:the |his |her |their )?(?:party|birthday|big day|weekend|sunday|saturday)',
  '(?:bringing|getting|making|baking|buying|planning|throwing|organi[sz]ing) (?:a |the |some )?(?:cake|party|present|gift|surprise|flowers|card)(?! for (?:you|u)(?![a-z]))',
];

/**
 * A secret with an end date is a surprise: "a secret until christmas", "between us until
 * saturday", "until it's official". Grooming asks for secrecy with no end; a present, a
 * party or an announcement is kept only until its day.
 */
const DAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const UNTIL_ITS_DAY = {
  en: `(?:until|till|til|untill|before) (?:christmas|xmas|easter|${DAYS}|tomorrow|tonight|next (?:week|month)|the (?:party|game|match|weekend|holidays|announcement|reveal|wedding|big day|end of|tournament|recital|show)|(?:his|her|their|[a-z]+'?s) (?:birthday|party|wedding|big day|visit)|it'?s (?:official|announced|ready|done)|we (?:announce|tell))`,
  es: '(?:hasta|antes de) (?:navidad|(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|manana|la fiesta|su cumple(?:anos)?|el partido|que (?:lo )?(?:anunciemos|sea oficial))',
  pt: '(?:ate|antes d[oa]) (?:o natal|natal|(?:a )?(?:segunda|terca|quarta|quinta|sexta)(?:-feira)?|(?:o )?(?:sabado|domingo)|amanha|a festa|o aniversario|o niver|o jogo|(?:a gente )?anunciar)',
  fr: "(?:jusqu'?(?:a|au)|avant) (?:noel|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|la fete|son anniversaire|l'?annonce|match|ce que ce soit officiel)",
};

/**
 * After "a photo", the words that make it a photo of a thing, a place or an event rather than
 * of the child: "of the cake", "of page 42", "of your outfit", "from your recital", "at the game"; "of you",
 * "of yourself" and "of your face" stay requests for the child's image.
 */
const NOT_OF_A_THING = '(?! (?:of (?:the|this|that|a|an|my|his|her|their|our|it|where|what|page|pages|question|exercise|problem|slide|chapter|step|task|worksheet|homework|notes)\\b|(?:of|from|at) (?:your|ur) (?!face|self|body)[a-z]|(?:from|at) (?:the|this|that|a|an|my|our)\\b))';

/**
 * App names that mean only the app: a frame may find them anywhere in a message. "line" and
 * "session" are everyday words too ("move our session to zoom"), so only the lexicon's
 * phrases, where an app name sits after "on" or "add me", use them.
 */
export const APP_NAMES = '(?:snap|snapchat|telegram|whatsapp|whats|zap|kik|discord|signal|wickr|insta|instagram|tiktok|wechat|viber)';
const APPS = `(?:${APP_NAMES}|line|session)`;

export const CUES: CueDef[] = [
  {
    code: 'age_question',
    stage: 'risk_assessment',
    detail: 'asked the child their age or school year',
    everydayWhenConnected: true,
    patterns: {
      en: ["how (?:old|young) (?:are|r) (?:you|u|ya)", "what'?s (?:your|ur) age", 'what (?:grade|year) (?:are|r) (?:you|u) in', 'are (?:you|u) (?:in )?(?:middle|high) school', '(?:are|r) (?:you|u) (?:even )?old enough to', 'how old (?:did|will) (?:you|u) (?:turn|be)', '(?:what|which) school (?:do|d) (?:you|u) go to', '(?:which|what) (?:grade|year|class) (?:are|r) (?:you|u)', '(?:you|u) (?:seem|look) (?:so )?young', '(?:are|r) (?:you|u) (?:still )?in (?:middle |high |elementary |junior high |grade )?school', '(?:are|r) (?:you|u) (?:still )?in (?:junior high|juniors?|elementary|primary|middle|grade school)', '(?:you|u) (?:look|seem|sound) (?:about|around|like|maybe) (?:1[0-7]|[89])(?![0-9])', '(?:you|u) in (?:middle|high) school', 'what year of school', 'what age (?:are|r) (?:you|u)', 'how old (?:did )?(?:you|u) (?:say|said)', '(?:are you |you )?in \\d+(?:th|st|nd|rd) (?:or \\d+(?:th|st|nd|rd) )?grade', 'how old[^a-z]*$', "(?:you'?re|ur|you are) in (?:like )?\\d+(?:th|st|nd|rd) grade", "(?:are|r) (?:you|u),? (?:like|about|maybe|even) \\d\\d?", "(?:what|which) year (?:were|was) (?:you|u) born", "when (?:were|was) (?:you|u) born", "(?:what|which) (?:year|grade|class|form) of (?:school|high school|middle school)", "(?:what'?s|what is) (?:your|ur) (?:birth ?year|date of birth|dob)", "(?:you|u) must be (?:like |what,? |about |maybe )?\\d\\d?", "(?:are|r) (?:you|u) (?:a )?(?:freshman|sophomore|junior high|in year \\d+|in grade \\d+)"],
      es: ['cuantos anos tienes', 'que edad tienes', 'en que (?:grado|curso) (?:estas|vas)', 'cuantos anos cumpliste', 'tienes como \\d\\d?', 'en que (?:grado|curso) vas', '^(?:y )?(?:tu|cual es tu) edad[^a-z]*$', 'cuantos anos (?:me )?dijiste que tenias', '(?:vas|estas|sigues) (?:todavia |aun )?(?:a|en) (?:la )?(?:secundaria|primaria|prepa|escuela)', "(?:en )?que ano naciste", "cuando naciste", "(?:cuantos anos|que edad) vas a cumplir"],
      pt: ['quantos anos (?:voce|vc|tu) tem', 'qual (?:a )?(?:sua|tua) idade', 'em que (?:serie|ano) (?:voce|vc) (?:esta|ta)', 'quantos anos (?:voce|vc) fez', '(?:voce|vc) (?:ta|esta) no ensino (?:medio|fundamental)', '(?:voce|vc) tem uns \\d\\d?', '(?:voce|vc|tu) tem quantos anos', '(?:ta|esta) em que (?:serie|ano)', '(?:(?:voce|vc|tu) nasceu em que ano|em que ano (?:voce|vc|tu) nasceu)', 'em que (?:serie|ano) (?:voce|vc) (?:ta|esta)', '(?:voce|vc) (?:ainda )?(?:ta|esta) (?:na escola|no (?:ensino|fundamental|medio))', '^(?:e )?(?:sua|qual (?:e )?(?:a )?sua) idade[^a-z]*$', 'quantos anos (?:voce|vc) (?:disse|falou) que tinha', "(?:em )?que ano (?:voce|vc|tu) nasceu", "quando (?:voce|vc|tu) nasceu", "ainda (?:ta|esta|estuda) na escola", "vai fazer quantos anos", "quantos anos (?:vc|voce) vai fazer"],
      fr: ["quel age (?:as[- ]tu|tu as|t'?as)", 'tu as quel age', "(?:tu es|t'?es) en quelle classe", "(?:tu es|t'?es) au (?:college|lycee)", "(?:t'?as|tu as) (?:genre |environ )?(?:\\d\\d? ou )?\\d\\d? ans", "t'?as eu quel age", "(?:t'?es|tu es) (?:encore |toujours )?(?:au (?:college|lycee)|a l'?ecole|en (?:primaire|sixieme|cinquieme|quatrieme|troisieme|6e|5e|4e|3e))", '^(?:et )?ton age[^a-z]*$', 'tu avais quel age', "t ?'?as quel age", "(?:tu es|t'?es) nee? en quelle annee", "en quelle annee (?:es[- ]tu|tu es|t'?es) nee?", "ta date de naissance", "tu vas avoir quel age"],
    },
  },
  {
    code: 'parents_present',
    stage: 'risk_assessment',
    detail: 'asked whether parents are around or the child is alone',
    patterns: {
      en: ['(?:are|r) (?:your|ur) (?:parents|mom|dad|mum|family) (?:home|around|there|awake)', '(?:are|r) (?:you|u) (?:home )?alone', 'who (?:else )?(?:checks|sees|uses) (?:your|ur) phone', 'do (?:your|ur) parents (?:check|read) (?:your|ur)'],
      es: ['estan tus (?:padres|papas)', 'estas sol[oa]', 'tus padres (?:revisan|leen) tu'],
      pt: ['(?:seus|teus) pais (?:estao|tao) (?:em casa|ai)', '(?:voce|vc|tu) (?:esta|ta) sozinh[oa]', '(?:seus|teus) pais (?:olham|leem) (?:seu|teu)'],
      fr: ['tes parents sont la', "(?:es[- ]tu|t'?es|tu es) seule?", 'tes parents (?:regardent|lisent) ton'],
    },
  },
  {
    code: 'compliment_maturity',
    stage: 'relationship_forming',
    detail: 'flattered the child as mature or special, or claimed a special bond',
    patterns: {
      en: ['mature for (?:your|ur) age', '(?:wise|mature|smart|grown ?up|deep) (?:for|beyond) (?:someone|somebody|a (?:girl|boy|kid)) (?:so|that|your) (?:young|age)', '(?:wise|mature) beyond (?:your|ur) years', "(?:you'?re|ur|you are) (?:so )?(?:special|different from other)", 'nobody understands (?:you|u) like (?:i do|me)', '(?:you|u) deserve (?:someone|somebody) (?:who|that) (?:actually |really |truly )?(?:pays attention to|listens to|cares about|appreciates|gets|treats) (?:you|u)', 'the only one (?:who|that) (?:really |actually )?(?:listens to|gets|understands|cares about) (?:me|you|u)', "(?:you'?re|ur) my (?:girlfriend|boyfriend|gf|bf)", "(?:you'?re|ur|you are) (?:not|nothing) like (?:the )?other (?:kids|girls|boys)", "(?:you'?re|ur|you are) (?:way |so |so much |much |the most )?(?:smarter|more mature|grown ?up) (?:than|for|person)", '(?:i feel like|i think) we (?:really )?(?:connect|have something special)', 'i think about (?:you|our chats) all day', 'no one gets me like (?:you|u) do', '(?:no one|nobody|noone) (?:understands|gets) me like (?:you|u)', '(?:the )?most mature (?:person|girl|boy|one)', "(?:never|haven'?t ever|have never) (?:clicked|connected) (?:with anyone|like this)", 'i (?:really )?(?:click|connect) with (?:you|u) (?:so|like)', 'so mature i forget', "(?:we have|we'?ve got|there'?s) (?:a |something )?(?:real|special|deep) (?:connection|bond)", "(?:you'?re|ur|you are) (?:honestly |really |so |very |truly )+special", '(?:seem|sound|look|act) (?:way |so much |much )?(?:more mature|older|smarter) than', '(?:smarter|more mature|wiser|older|cooler) than (?:people|kids|girls|boys|other kids|anyone|most people) (?:your|ur) age', 'i never talk to anyone like i talk to (?:you|u)', '(?:seem|are|look) (?:really |so |very )?mature for (?:\\d+|(?:your|ur) age)', "(?:you'?re|ur|you are) different from (?:everyone|everybody|the others|other)", "(?:you'?re|ur|you are) (?:honestly )?my (?:favou?rite|best) person", "(?:never|haven'?t ever|have never) met anyone (?:who|that) (?:gets|understands) me", "(?:you'?re|ur|you are) (?:way |so much |much )?more grown ?up than", '(?:you|u) (?:talk|sound|act) (?:like|so much like) (?:someone|somebody|a person) (?:way |much |so )?older', 'i (?:feel like i )?can tell (?:you|u) anything', "(?:never|haven'?t ever|have never) met (?:someone|anyone|somebody) (?:as|so) (?:mature|smart|special|grown ?up)", "i can be myself with (?:you|u)"],
      es: ['madur[oa] para tu edad', '(?:sabi[oa]|madur[oa]|list[oa]) para (?:ser tan joven|alguien tan joven)', 'eres (?:muy )?especial', 'nadie te entiende como yo', '(?:eres|sos) mas madur[oa] que', 'no eres como (?:los|las) (?:demas|otr[oa]s)', 'contigo me siento (?:comprendido|especial)', 'nadie me entiende como tu', '(?:la persona|el|la) mas madur[oa]', 'tenemos algo especial', 'nunca (?:habia|he) conectado asi', 'que (?:la gente|los chicos|las chicas|otr[oa]s|los demas|las demas|l[oa]s) de (?:tu|mi) edad', 'conectamos de verdad', '(?:eres|sos) diferente (?:a|de) (?:todos|todas|los demas|las demas)', 'hablas como (?:alguien|una persona) (?:mucho |bastante )?mayor', 'te puedo contar (?:todo|lo que sea)', "nunca conoci a (?:alguien|nadie) tan (?:madura|maduro|especial|inteligente)", "(?:eres|sos) (?:la unica|el unico) (?:que|quien) (?:me )?(?:escucha|entiende)", "(?:actuas|pareces) (?:mas grande|mas madur[oa]|mayor) que"],
      pt: ['madur[oa] (?:pra|para) (?:sua|tua) idade', '(?:sabi[oa]|madur[oa]|esperta|esperto) (?:pra|para) (?:alguem|quem e|ser) tao nov[oa]', '(?:voce|vc) e (?:muito )?especial', 'ninguem te entende como eu', '(?:voce|vc) e mais madur[oa] que', '(?:voce|vc) nao e como (?:os|as) outr[oa]s', 'a gente se entende (?:muito|demais)', 'ninguem me entende como (?:voce|vc)', 'a pessoa mais madura', 'nunca me conectei assim', 'que (?:o pessoal|as meninas|os meninos|os outros|as outras|a galera) da (?:sua|tua|minha) idade', 'a gente se conecta', '(?:voce|vc) e diferente de todo mundo', '(?:a gente tem|temos) algo especial', '(?:voce|vc) fala como (?:alguem|uma pessoa) (?:bem |muito )?mais velh[oa]', 'posso te contar tudo', "nunca conheci (?:alguem|ninguem) tao (?:madura|maduro|especial|inteligente)", "(?:a unica|o unico) que me (?:escuta|entende)", "(?:vc|voce) (?:age|parece) (?:mais velh[oa]|mais madur[oa]) que"],
      fr: ['mature pour ton age', "(?:sage|mature|intelligente?) pour quelqu'? ?un de si jeune", 'tu es (?:tres )?speciale?', 'personne (?:ne )?te comprend comme moi', 'tu es plus mature que', "(?:t'?es|tu es) pas comme les autres", 'on se comprend (?:vraiment|tellement)', 'personne (?:ne )?me comprend comme toi', 'la personne la plus mature', 'jamais (?:eu|ressenti) un (?:tel |pareil )?lien', 'que les (?:gens|filles|garcons|autres) de (?:ton|mon) age', "(?:tu es|t'?es) differente? des autres", 'un lien special', "tu parles comme quelqu ?'?un de (?:bien |beaucoup )?plus (?:vieux|age|agee)", '(?:je peux|pouvoir) tout te dire', "(?:jamais|pas) rencontre (?:quelqu ?'?un|personne) (?:d ?'?)?aussi (?:mature|intelligente?|speciale?)", "(?:la seule|le seul) qui (?:m'?ecoute|me comprend)", "tu (?:fais|as l'?air) plus (?:mature|vieille?|agee?) que"],
    },
  },
  {
    code: 'compliment_appearance',
    stage: 'relationship_forming',
    detail: "praised the child's looks or said they could model",
    // A grandparent says it every visit: from a connected adult it is not a move on its own.
    everydayWhenConnected: true,
    patterns: {
      en: ["(?:you'?re|ur|you are|u r) (?:so |really |honestly |very |super |such a )*(?:pretty|beautiful|cute|gorgeous|stunning)", '(?:you|u) (?:could|should) (?:be a )?model'],
      es: ['(?:eres|estas) (?:muy |tan |bien )?(?:bonita|linda|guapa|hermosa|preciosa)', '(?:podrias|deberias) ser modelo'],
      pt: ['(?:voce|vc|tu) (?:e|ta|esta) (?:muito |tao |mo )?(?:bonita|linda|maravilhosa)', '(?:podia|poderia|devia) ser modelo'],
      fr: ["(?:tu es|t'?es) (?:trop |tres |si |vraiment )?(?:belle|jolie|mignonne|canon)", 'tu pourrais (?:etre|faire) mannequin'],
    },
  },
  {
    code: 'gift_offer',
    stage: 'relationship_forming',
    detail: 'offered gifts, game currency or money',
    patterns: {
      en: ["(?:i'?(?:ll|will)|i can|let me) (?:buy|get|send|give) (?:you|u) (?:a |an |some |that |the )?(?:gift|present|robux|v-?bucks|(?:gift|steam|roblox|xbox|psn|google play|itunes|apple|amazon) ?card|battle ?pass|skins?|gems|money|cash)", '(?<!i )(?:want|wanna) (?:some |a )?(?:free )?(?:robux|v-?bucks|skins|gems|gift ?card)', "(?:buy|get) (?:you|u) (?:that|the) (?:[a-z]+ ){1,2}(?:you|u) (?:wanted|want|liked)", "(?:i'?ll|ill|i will|i can) (?:send|give) (?:you|u) \\$ ?\\d+", '(?:want|wanna) me to (?:send|buy|get|give) (?:you|u) (?:some |a )?(?:robux|v-?bucks|skins?|gems|money|gift|steam gift)', 'top up (?:your|ur) (?:game|account|phone)', "i(?:'?ll| can| could| will) (?:send|get|buy|give) (?:you|u) (?:some |that |the |a |an )?(?:[a-z]+ )?(?:robux|v-?bucks|vbucks|skins?|gems|headset|headphones|phone|console|controller|laptop|tablet|earbuds|airpods|game|gift ?card|giftcard|gift|present|money|cash)", "i (?:could|can|'?ll|will) (?:get|buy|send) (?:you|u) (?:a |an |some )?(?:gift ?card|store card|battle pass|skin|game)", "(?:let me|i'?ll|i will|i can) (?:buy|get) (?:you|u) the (?:battle pass|skin|game)", "i (?:can|could|'?ll) (?:top up|pay for|buy (?:you|u) the) (?:your |ur )?(?:game|account|phone|battle pass|subscription)", "i (?:can|could|'?ll) send (?:you|u) (?:a |an )?(?:new |steam )?(?:headset|gift|phone|console)", "i(?:'?ll| can| could| will) (?:pay|cover) (?:for )?(?:your|ur) (?:next )?(?:phone|bill|phone bill|data|plan|subscription|game|skins?|battle pass)", 'i (?:got|bought|have|ordered|sent) (?:you|u) (?:something|a (?:little )?(?:something|gift|present|surprise))'],
      es: ['te (?:compro|regalo|mando|doy) (?:un regalo|robux|dinero|una tarjeta|skins)', 'te (?:recargo|pago) (?:el|tu) (?:juego|celular|cuenta)', 'te (?:puedo )?(?:comprar|regalar|mandar) (?:unos |un |una |el )?(?:audifonos|pase|regalo|tarjeta)', 'te compro el pase', '(?:quieres|quieres unos|quieres unas) (?:pavos|robux|skins|gemas|v-?bucks)', 'te (?:compro|regalo) (?:el|la|los|las|ese|esa) (?:[a-z]+ ){1,2}que (?:querias|quieres|te gusto)', 'te (?:puedo )?(?:mandar|comprar|regalar|dar|mando|compro|regalo|doy) (?:unos |unas |un |una |los |las |el |la )?(?:pavos|robux|audifonos|skins?|tarjeta|juego|control|celular|telefono)', 'quieres una tarjeta de regalo', 'te compro (?:ese|este|el) (?:juego|celular|control)', 'quieres que te (?:mande|compre|regale|de) (?:unos |unas |un |una )?(?:robux|pavos|skins?|tarjeta|dinero|regalo)', "te pago (?:la|el|tu) (?:recarga|saldo|plan|celular|juego|cuenta)", "te (?:puedo )?pagar (?:el|tu) (?:siguiente |proximo )?(?:skin|pase|juego)", "te (?:pedi|compre|mande) algo"],
      pt: ['(?:te dou|vou te dar|te mando|te compro) (?:um presente|robux|dinheiro|skins)', '(?:posso )?(?:recarregar|pagar) (?:seu|teu) (?:jogo|celular|conta)', 'te (?:dou|compro|mando) (?:um |o )?(?:fone|passe|presente|cartao)', 'posso te dar um (?:cartao|presente|passe)', 'quer (?:robux|skins?|gemas|v-?bucks)', 'te (?:compro|dou) (?:aquele|aquela|o|a) (?:[a-z]+ ){1,2}que (?:vc|voce) (?:queria|quer)', '(?:posso )?te (?:mandar|comprar|dar|dou|mando|compro) (?:uns |umas |um |uma |o |a |os )?(?:robux|fone|skins?|cartao|jogo|controle|celular|passe)', 'quer um cartao (?:presente|de presente)', 'te compro (?:aquele|esse|o) (?:jogo|celular|controle)', 'quer que eu te (?:mande|compre|de|de) (?:uns |umas |um |uma )?(?:robux|skins?|cartao|dinheiro|presente)', "(?:te )?pago (?:a|o|sua|seu) (?:recarga|credito|plano|celular|jogo|conta)", "posso pagar (?:sua|seu|a|o) (?:proxima |proximo )?(?:skin|passe|jogo)", "comprei (?:uma coisa|algo) (?:pra|para) (?:vc|voce|ti)"],
      fr: ["je (?:t'?achete|te paie|t'?offre|te donne) (?:un cadeau|des robux|de l'?argent|des skins)", 'je (?:peux )?(?:te payer|recharger) (?:un casque|ton compte|le passe)', "je t'?envoie un cadeau", 'tu veux des (?:robux|v-?bucks|skins|gemmes)', "je (?:t'?achete|t'?offre) (?:le|la|les|ce|cette) (?:[a-z-]+ ){1,2}que tu (?:voulais|veux)", "je (?:recharge|peux recharger) ton compte", "(?:je (?:peux |vais )?)?t'?(?:offrir|offre|acheter|achete) (?:une carte|le passe|un passe)", "je (?:peux )?t'?envoi(?:e|er) (?:de l'?argent|des (?:robux|v-?bucks))", "je (?:peux )?t'?(?:envoyer|envoie|acheter|achete|offrir|offre) (?:des |un |une |le |la )?(?:nouvelle? |nouveau )?(?:v-?bucks|robux|casque|skins?|carte|jeu|manette|telephone)", 'tu veux une carte cadeau', "je t'?achete (?:ce|le|un) (?:jeu|telephone|casque)", "je te paie (?:ton|ta|tes|le|la) (?:forfait|recharge|telephone|jeu|abonnement|compte)", "je (?:peux )?te payer (?:ton|ta|le|la) (?:prochain |prochaine )?(?:skin|passe|jeu)", "je t'?ai (?:commande|achete|pris) (?:un truc|quelque chose|un cadeau)"],
    },
  },
  {
    code: 'secrecy_request',
    stage: 'exclusivity_secrecy',
    detail: 'asked the child to keep the contact secret',
    patterns: {
      en: ["(?:don'?t|do not|dont|never) tell (?:anyone|anybody|no one|(?:your|ur) (?:parents|mom|dad|mum|friends|teacher))(?! (?:the|about the|our|my|about our) (?!(?:chats?|messages|pics|photos|pictures|texts|money|robux|v-?bucks|(?:stuff|things) (?:we|i)|(?:gifts?|presents?) (?:i|from me))(?![a-z]))[a-z])", // ...unless the secret is a surprise for someone else ("our secret, we're surprising dad").
        "(?:our|a) (?:little )?secret(?![^.!?]{0,40}surpris)", 'keep (?:this|it|us|our (?:chats?|messages|talks?|convos?)) (?:just |only )?(?:between us|secret|to (?:yourself|urself))', 'keep (?:our|these|this) (?:conversations?|chats?|talks?|messages) (?:private|secret|hidden|to ourselves)', "(?:parents|mom|dad|mum|family) (?:don'?t|do not|shouldn'?t|should not|not) (?:know|find out) (?:we|that we|about (?:us|me))", "(?:don'?t|dont|do not|never) let (?:your|ur) (?:parents|mom|dad|mum|family) (?:see|know|find out|read)", 'delete (?:this|these|our|the) (?:chat|messages|convo|conversation)', 'secret ok', '(?:nobody|no one) (?:needs to|has to|should|can) know (?:about us|we talk|about this|about me)', '(?:hide|delete|clear|erase) (?:our|these|the|your|ur|my) (?:messages|chats?|texts|history|chat history)', "(?:your|ur) (?:parents|mom|dad|family) (?:wouldn'?t|won'?t|would not|will not) understand", "(?:don'?t|dont|do not) mention me", '(?:this|it|that) stays (?:just )?(?:between|with) (?:you and me|me and you|us)', "(?:parents|mom|dad|mum|family) (?:don'?t|do not|doesn'?t|does not) (?:need|have) to know (?:about (?:me|us)|we talk|that we talk)", '(?:just|only|strictly) between (?:you and me|me and you|us two|the two of us)', "(?:nobody|no one|noone) else (?:needs to|has to|should|can|must) know", "(?:wipe|clear|delete|erase) (?:the|this|our) (?:chat|messages|convo)", "(?:let'?s|lets) not tell (?:anyone|anybody|(?:your|ur) (?:parents|mom|dad|mum))"],
      es: ['no (?:le )?(?:digas|cuentes) (?:nada )?a nadie', 'nuestro (?:pequeno )?secreto', '(?:papas|padres|mama|papa|familia) no (?:tienen|tiene|necesitan|necesita) que saber (?:de mi|de nosotros|que hablamos)', 'entre nosotros', 'no (?:le )?(?:hables|cuentes|digas) (?:de mi|nada) a (?:tu|tus) (?:familia|mama|padres)', 'nadie (?:mas )?(?:tiene que|debe) (?:saber|enterarse)', 'entre tu y yo', 'nadie se (?:entere|puede enterar)', 'lo nuestro', 'no dejes que (?:tus|tu) (?:papas|padres|mama|papa|familia) (?:vean|lean|sepan)', '(?:mejor|es mejor) que (?:tus|tu) (?:padres|papas|mama|papa|familia) no sepan', 'no (?:le )?(?:cuentes|digas|hables) a (?:tu|tus) [a-z]+ (?:de mi|sobre mi|de nosotros)', "borra(?:r)? (?:los|este|el|estos|nuestros|tus|todos los) (?:mensajes|chats?|conversacion|historial)"],
      pt: ['nao (?:conta|fala) (?:pra|para) ninguem', 'nosso (?:pequeno )?segredo', '(?:pais|mae|pai|familia) nao precisa(?:m)? saber (?:de mim|da gente|que a gente conversa)', 'entre nos', 'nao (?:fala|conta) (?:de mim|nada) (?:pra|para) (?:sua|seus) (?:familia|mae|pais)', 'ninguem (?:mais )?(?:pode|precisa) saber', 'entre (?:a gente|nos dois|eu e (?:voce|vc))', 'nao deixa (?:seus|teus|sua|tua) (?:pais|mae|pai|familia) (?:verem|ver|lerem|saberem)', '(?:melhor|e melhor) (?:seus|teus|sua|tua) (?:pais|mae|pai|familia) nao (?:saberem|saber)', 'nao (?:conta|fala) (?:pra|pros|para|aos) (?:sua|seus|teus|tua) (?:mae|pai|pais|familia) (?:de mim|sobre mim|da gente)', 'apaga(?:r)? (?:as|essas|nossas|a|suas|todas as|esse|este|o) (?:mensagens|conversas?|chat)'],
      fr: ['ne (?:le )?dis (?:rien|a personne)', 'notre (?:petit )?secret', "(?:parents|mere|pere|famille) (?:n'?ont|n'?a) pas besoin de savoir (?:pour|sur) (?:moi|nous)", 'entre nous', '(?:ne )?parle pas de moi a', "personne (?:d'? ?autre )?(?:ne )?doit (?:savoir|le savoir)", 'entre toi et moi', 'ne laisse pas (?:tes|ta|ton) (?:parents|mere|pere|famille) (?:voir|lire|savoir)', '(?:mieux vaut|il vaut mieux|vaut mieux) que (?:tes|ta|ton) (?:parents|mere|pere|famille) ne (?:sache|sachent) (?:pas|rien)', '(?:ne )?dis rien a (?:tes|ta|ton) (?:parents|mere|pere|famille)', '(?:supprime|supprimer|efface|effacer) (?:nos|les|ces|la|tes|tous les|toute la|ce|le) (?:messages|conversations?|discussions?|chat)'],
    },
    unless: {
      // ...and a team's secret kept from the other side of a game or a class debate.
      en: [...SURPRISE_FOR_SOMEONE, UNTIL_ITS_DAY.en, '(?:secret|private|hidden) from (?:the )?other (?:group|team|squad|side|class|guild|clan|crew|server|teams|groups|guilds|clans)'],
      es: [UNTIL_ITS_DAY.es, 'sorpresa', '(?:fiesta|regalo|pastel) (?:de|para) (?:el|ella|ellos|tu (?:mama|papa|hermana|hermano|abuela|abuelo))'],
      pt: [UNTIL_ITS_DAY.pt, 'surpresa', '(?:festa|presente|bolo) (?:de|pra|para) (?:ele|ela|eles|sua mae|seu pai|sua irma|seu irmao|sua avo|seu avo)'],
      fr: [UNTIL_ITS_DAY.fr, 'surprise', '(?:fete|cadeau|gateau) (?:de|pour) (?:lui|elle|eux|ta mere|ton pere|ta soeur|ton frere|ta grand-mere|ton grand-pere)'],
    },
  },
  {
    code: 'platform_move',
    stage: 'isolation_platform_move',
    detail: 'asked to move the conversation to another app',
    patterns: {
      en: [`(?:add|message|text|dm|find|hit|talk to|hmu|hml) me (?:up )?on ${APPS}`, `(?:hmu|hit me up|dm me|text me) (?:on|in) ${APPS}`, `we should (?:talk|chat|move) (?:on|to) ${APPS}`, `(?:move|go|switch) (?:to|over to) ${APPS}`, `(?:can|could|should) we (?:talk|chat) (?:on|in) ${APPS}`, `move (?:this|it|us|the chat|our chat|this chat) (?:to|over to|on) ${APPS}`, `(?:do )?(?:you|u) (?:have|got) ${APPS}`, `what (?:is|are) (?:your|ur) (?:${APPS}|number|phone number|cell)`, `what'?s (?:your|ur) (?:${APPS}|number|phone number|cell)`, `(?:give|send) me (?:your|ur) (?:number|${APPS})`, "let'?s (?:talk|chat|move) (?:somewhere else|on another app|privately|in private)", `(?:do|do you) (?:you|u) have ${APPS}`, `(?:message|text|hit) me (?:up )?on ${APPS}`, `(?:we can|let'?s|lets) (?:video )?(?:chat|talk|call) (?:on|in) ${APPS}`, '(?:this app|here) is (?:glitchy|watched|weird|being watched|monitored)', "here'?s my (?:number|cell|phone number)", '(?:text|call|message) me (?:instead|on my (?:number|phone|cell))', `private (?:server|group|chat|channel|room) (?:on|in) ${APP_NAMES}`, '(?:this app|they) (?:spies|spy|reads?|watch(?:es)?) (?:on )?(?:us|our)'],
      es: [`(?:agregame|escribeme|hablame|buscame) (?:en|por) ${APPS}`, `pasame tu (?:numero|${APPS})`, `tienes ${APPS}`, `hablamos (?:por|en) ${APPS}`, '(?:cual|que) es tu (?:numero|telefono)', `hablemos (?:por|en) ${APPS}`, `(?:cual|que) es tu ${APPS}`, 'dame tu (?:numero|telefono)', 'escribeme (?:a|al) (?:mi )?(?:numero|cel|celular|telefono)'],
      pt: [`me (?:add|adiciona|chama|manda mensagem) no ${APPS}`, `me passa (?:seu|teu) (?:numero|${APPS})`, `(?:voce|vc|tu) tem ${APPS}`, `(?:vamos|bora) (?:conversar|falar|teclar) no ${APPS}`, `falar no ${APPS}`, 'qual (?:e )?(?:o )?(?:seu|teu) (?:numero|telefone)', `fala comigo no ${APPS}`, `qual (?:e )?(?:seu|teu) ${APPS}`, 'me passa (?:seu|teu) telefone', 'me (?:manda mensagem|chama|liga) no meu (?:numero|celular|telefone)'],
      fr: [`(?:ajoute|ecris)[- ]moi sur ${APPS}`, `donne[- ]moi ton (?:numero|${APPS})`, `(?:as[- ]tu|t'?as|tu as) ${APPS}`, `on parle sur ${APPS}`, `c'? ?est quoi ton (?:${APPS}|numero)`, `parlons sur ${APPS}`, `c'?est quoi ton ${APPS}`, 'donne[- ]moi ton numero', "(?:ecris|envoie)[- ]moi (?:plutot )?(?:sur|a|au) mon (?:numero|portable|tel)"],
    },
  },
  {
    code: 'image_request',
    stage: 'image_request',
    detail: 'asked the child for photos, video or a camera',
    patterns: {
      // "a photo of the cake" or "of your homework" is not a request for the child's image.
      en: [`(?:send|show) (?:me )?(?:a |an |some |another |more )?(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid)${NOT_OF_A_THING}`, 'can i see (?:a pic|a photo|a picture|you|what (?:you|u) look like)', `can i (?:get|have) (?:a|one) (?:selfie|pic|photo|picture)${NOT_OF_A_THING}`, '(?:wanna|want to) see (?:you|u),? send', 'turn (?:on )?(?:your|ur) (?:cam|camera|webcam)', 'send (?:one|some) (?:more|now)', 'any (?:pics|photos|pictures|selfies)(?: of (?:you|u|yourself))? (?:you|u) (?:could|can|wanna|want to) send', '(?:pic|photo|picture) (?:just )?for me', 'send photo', '(?:show|tell) me what (?:you|u) look like', '(?:let me|lemme|can i|could i) see (?:you|u|a pic of you|a photo of you|your face)', '(?:send|post) (?:a |one )?(?:selfie|pic)(?: so i know| to prove)', '(?:put|switch) (?:on )?(?:your|ur) (?:cam|camera|webcam)', '(?:a |another |a new )?(?:pic|photo|picture|selfie) of (?:yourself|urself|you)', '(?:take|snap) (?:a |me a )?(?:selfie|pic of (?:yourself|urself))', 'selfie (?:just )?for me', "(?:photos?|pics?|pictures?|selfies?) of (?:yourself|urself)"],
      es: ['(?:mandame|enviame|pasame|manda|envia) (?:una |unas |otra )?(?:foto|fotos|video|selfie)', '(?:prende|enciende) (?:la|tu) camara', '(?:ensename|muestrame) como (?:eres|te ves)', '(?:manda|envia) una (?:foto|selfie) tuya', 'dejame verte', '(?:puedo|podria) ver una foto', 'quiero ver como eres', 'me (?:mandas|envias|pasas) una (?:foto|selfie)', '(?:me encantaria|quiero|quisiera) ver una foto tuya', '(?:tomate|sacate|hazte) (?:una )?(?:selfie|foto)', '(?:selfie|foto) para mi'],
      pt: ['(?:me )?(?:manda|envia) (?:uma |umas |outra )?(?:foto|fotos|video|selfie)', 'liga (?:a|sua) (?:camera|cam)', 'me mostra como (?:voce|vc|tu) (?:e(?![a-z])|(?:ta|esta|fica) (?:agora|hoje))', '(?:manda|envia) uma (?:foto|selfie) sua', 'deixa eu te ver', 'posso ver uma foto', 'quero ver como (?:voce|vc) e', '(?:eu )?(?:adoraria|queria|quero) ver uma foto sua', 'tira uma (?:selfie|foto) (?:pra|para) mim', 'tira uma (?:selfie|foto)(?: agora| ja)? e (?:me )?manda', '(?:selfie|foto) (?:so )?(?:pra|para) mim', "tira (?:uma )?selfie (?:e|pra) (?:me )?(?:manda|envia)"],
      fr: ['(?:envoie|montre)[- ]moi (?:une |des |une autre )?(?:photo|photos|video|selfie)', 'allume (?:ta )?(?:camera|cam|webcam)', '(?:montre|envoie)[- ]moi a quoi tu ressembles', 'une (?:photo|selfie) de toi', 'laisse[- ]moi te voir', '(?:prends|fais)[- ](?:moi )?(?:un|une) (?:selfie|photo) (?:pour moi|de toi)', '(?:prends|fais)[- ](?:un|une) (?:selfie|photo)(?: de toi)?(?: maintenant| la)? et envoie', 'envoie (?:une|ta) photo (?:de toi|pour que)', '(?:selfie|photo) pour moi', "tu m'?envoies? (?:un|une) (?:selfie|photo)(?! d[eu] )", 'envoie (?:une|des) photos?(?! (?:du|de la|des|de ton|de ta|de tes|de l))', 'voir a quoi tu ressembles', 'envoie(?:[- ]moi)? (?:un|une|des) selfies?', "(?:prends|fais)[- ](?:toi )?(?:un|une) selfie (?:et|pour) (?:me l'?|l'?)?envoie"],
    },
  },
  {
    code: 'normalising',
    stage: 'desensitisation',
    detail: 'told the child it is normal and everyone does it',
    patterns: {
      en: ["(?:it'?s|its) (?:totally |completely )?normal", 'everyone (?:your age )?does (?:it|this)', 'nothing wrong with (?:it|this)', "(?:it'?s|its) no big deal"],
      es: ['es (?:totalmente )?normal', 'todo el mundo lo hace', 'no tiene nada de malo'],
      pt: ['e (?:totalmente )?normal', 'todo mundo faz', 'nao tem nada de errado'],
      fr: ["c'?est (?:tout a fait )?normal", 'tout le monde le fait', "il n'?y a rien de mal"],
    },
  },
  {
    code: 'compliance_test',
    stage: 'compliance_testing',
    detail: 'pressured the child to prove trust or affection',
    patterns: {
      en: ['prove (?:you|u) (?:trust|love|like) me', "if (?:you|u) (?:really )?(?:liked|loved|trusted) me (?:you|u)'?d", 'do (?:it|this) for me'],
      es: ['demuestrame que (?:me quieres|confias)', 'si (?:de verdad )?me quisieras'],
      pt: ['prova que (?:voce|vc) (?:me ama|confia)', 'se (?:voce|vc) (?:me amasse|gostasse de mim)'],
      fr: ["prouve[- ]moi que tu (?:m'?aimes|me fais confiance)", "si tu m'?aimais (?:vraiment)?"],
    },
  },
  {
    code: 'meeting_request',
    stage: 'meeting_request',
    detail: 'asked to meet in person, or where the child lives',
    patterns: {
      en: ["(?:let'?s|we should|want to|wanna|we could) (?:meet|hang out)(?: up)?(?: in person| irl| sometime)?", 'i (?:can|could) (?:come (?:and )?)?(?:pick (?:you|u) up|come (?:to|get) (?:you|u))', '(?:like|want|love) to meet (?:up|in person|sometime)', "i (?:can|could|will|'?ll) come (?:and )?(?:meet|see|visit) (?:you|u)", 'i (?:can|could) come by', "i (?:can|could) meet (?:you|u) (?:at|after|by|near|outside|in (?:the|front))", 'where do (?:you|u) live', "what'?s (?:your|ur) address", 'meet (?:me )?(?:at|after) (?:the |school)', 'come (?:over|to my (?:place|house))', '(?:tell|give) me (?:your|ur) address', "i (?:can|could|will|'?ll) (?:drive|come) (?:to|by) (?:your|ur) (?:town|school|house|place)", "(?:let me|i'?ll|i will) pick (?:you|u) up", '(?:meet|hang out|hang) (?:up )?(?:alone|just (?:us|the two of us)|just us two)', 'come over to my', "(?:don'?t|dont|do not) bring anyone", 'come alone', 'come meet me', '(?:which|what) (?:park|mall|bus stop|gym) (?:do )?(?:you|u) go to', "i (?:can|could|will|'?ll) wait (?:for (?:you|u) )?(?:outside|after school|at (?:your|ur|the) (?:school|gate|door))", "tell (?:your|ur) (?:mom|mum|dad|parents) (?:that )?(?:you'?re|you are|ur) (?:at|with|staying|sleeping)", "(?:which|what) (?:bus stop|stop|corner|park|mall) do (?:you|u) (?:wait at|go to|hang out at)", "come hang (?:out )?with me"],
      es: ['(?:nos vemos|quedamos|vernos|conocernos) en persona', 'donde vives', 'te (?:recojo|paso a buscar)', '(?:puedo |voy a |paso a )?(?:ir|pasar|paso|voy) por ti', 'te (?:puedo )?recoger', 'ven a mi casa', 'dime tu direccion', 'te recojo', '(?:quedemos|vernos) (?:solos|este finde)', 'en que escuela estudias', 'no traigas a nadie', 'ven sol[oa]', 'veamonos', 'deberiamos (?:vernos|conocernos|quedar)', 'nos vemos despues de (?:clase|la escuela|clases)', '(?:te gustaria|quieres) que nos (?:vieramos|veamos|conozcamos)', 'pasar a recogerte', 'paso por ti', '(?:cual|dame) es tu direccion', 'voy a donde (?:estas|vives)', "te espero (?:afuera|a la salida|en la salida|fuera|en la puerta)", "(?:podria|puedo) ir a verte", "dile a tu (?:mama|papa|madre|padre|familia) que estas (?:con|en)", "podriamos (?:vernos|quedar|conocernos)", 'te (?:puedo )?(?:ver|encontrar) en (?:el|la) (?:parque|plaza|centro|mall|salida|esquina|parada)'],
      pt: ['(?:vamos|bora) (?:nos )?(?:encontrar|ver)', 'onde (?:voce|vc|tu) mora', 'te (?:busco|pego)', '(?:posso )?te buscar', 'vem (?:pra|para|na) minha casa', 'me fala (?:seu|teu) endereco', 'te busco', '(?:sair|ver) so nos dois', 'em que escola (?:voce|vc) estuda', 'vem sozinh[oa]', 'passo ai', 'a gente (?:devia|deveria|podia) se (?:ver|encontrar)', 'quer (?:se|nos) (?:encontrar|ver)', 'qual (?:e )?(?:o )?(?:seu|teu) endereco', 'vou ate (?:voce|vc|ai)', "te espero (?:na saida|la fora|no portao|na porta)", "(?:posso|vou) (?:ir )?te ver", '(?:posso|vou|podemos) (?:te )?encontrar (?:vc |voce )?(?:no|na) (?:parque|praca|shopping|saida|esquina|ponto)', "nao (?:leva|traz) ninguem", "fala (?:pra|para) (?:sua mae|seu pai|seus pais) que (?:vc|voce) (?:ta|esta) (?:na|com|no)"],
      fr: ['(?:on se voit|se voir|on se rencontre) en vrai', '(?:ou|tu) (?:tu )?habites', 'je (?:viens|passe) te (?:chercher|prendre)', '(?:je peux )?venir te chercher', 'viens chez moi', 'donne[- ]moi ton adresse', 'je viens te chercher', 'juste nous deux', 'tu vas dans quelle ecole', "(?:n'?amene|ne ramene) personne", 'viens seule?', "c'? ?est quoi ton adresse", 'on (?:devrait|pourrait) se (?:voir|rencontrer)', "on se voit apres (?:les cours|l'?ecole)", "(?:tu voudrais|tu veux) qu ?'?on se (?:voie|voit|rencontre)", "je viens jusqu ?'?a toi", 'je passe (?:te voir|chez toi)', "je t'?attends (?:devant|a la sortie|dehors)", "je (?:peux|vais) venir te voir", "je (?:peux|pourrais|vais) te (?:voir|retrouver|rejoindre) (?:au|a la|devant|a l'?arret)", "dis a (?:ta mere|ton pere|tes parents) que tu (?:es|dors|restes) chez"],
    },
  },
  {
    code: 'exposure_threat',
    stage: 'sextortion_threat',
    detail: "threatened to send the child's images to followers, family or school",
    patterns: {
      en: ["(?:i'?ll|i will|gonna|going to|im going to|i'?m going to) (?:send|post|share|leak|show|expose) (?:it|them|this|these|everything|(?:your|ur) (?:pics|photos|pictures|video|vids|chats?)) (?:to|with) (?:all )?(?:your |ur )?(?:followers|friends|family|parents|school|teachers|classmates|everyone)", '(?:everyone|(?:your|ur) (?:whole |entire )?(?:school|family|friends|followers|parents|class)) (?:will|is going to|gonna) see', '(?:your|ur) (?:followers|friends|family|parents|school|class|classmates) (?:are|is) (?:about|going) to see (?:everything|it all|all of it|it|this|them)', '(?:every(?:one|body) (?:in|at|on|from) (?:your|ur) [a-z]+(?: [a-z]+)?|(?:your|ur) (?:whole |entire )?(?:school|family|friends|followers|parents|class)) (?:will|is going to|gonna|are going to|are gonna) (?:all )?(?:get|receive|see) (?:these|those|the|your|ur|all (?:your|ur|the)) (?:pics|photos|pictures|videos?|vids|screenshots)', "i (?:have |'?ve )?(?:got|saved|screenshotted|kept) (?:your|ur|all (?:your|ur)) (?:pics|photos|pictures|video|chats)", 'i have (?:your|ur|all (?:your|ur)) (?:pics|photos|pictures|video|chats)', "(?:i'?ll|i will|gonna|going to|i'?m going to) (?:post|leak|share|spread|send) (?:everything|it all|them|(?:your|ur|all (?:your|ur)) (?:pics|photos|pictures|videos?|vids)) (?:online|everywhere|all over|for)", '(?:your|ur) (?:friends|family|parents|school|followers) (?:will )?(?:all )?(?:get|see) (?:the|your) (?:pics|photos|pictures)', "(?:i'?ll|i will|gonna) (?:send|show) (?:the|your|ur) (?:pics|photos|pictures) to (?:your|ur) (?:parents|family|friends|school|followers)", '(?:everyone|everybody|all) (?:on|in) (?:your|ur) (?:friends? list|contacts|followers)', '(?:your|ur) (?:parents|family|friends|school|followers)(?: and (?:your |ur )?(?:parents|family|friends|school|followers))? (?:will|are going to|is going to|gonna|is gonna|are gonna) (?:all )?(?:get|see|receive) (?:everything|it all|it|them|all of it)', "(?:i'?ll|i will|gonna|going to) (?:share|send|post|show) (?:it|this|them|everything) (?:with|to) (?:your|ur) (?:whole |entire )?(?:school|class|family|followers)", '(?:leak|post|send|share|show) (?:the|your|ur) (?:pics|pictures|photos|video) (?:to|with) (?:all )?(?:your|ur)', '(?:or|and) (?:your|ur) (?:family|parents|friends|school) (?:sees?|gets?|will (?:see|get)) (?:it|this|everything|them)', "(?:i'?ll|i will|gonna) send (?:this|it|them) to (?:your|ur) (?:school|parents|family|friends)"],
      es: ['(?:voy a|le voy a) (?:mandar|enviar|publicar|ensenar|pasar) (?:tus fotos|esto|tu video|todo) a (?:tu familia|tus amigos|tus seguidores|tu escuela|tus padres|todos)', 'tengo tus (?:fotos|videos)', 'voy a (?:publicar|subir) (?:tus fotos|todo) (?:en|a)', '(?:le )?mando las fotos a tus', 'tu familia (?:lo )?va a ver todo', '(?:toda )?tu (?:familia|escuela|clase|colegio)(?: entera| toda)? (?:lo va a ver|va a verlo|va a ver todo)', '(?:subir|publicar|mandar|pasar) tus fotos (?:a|por|en) (?:todos lados|todas partes|internet)', 'tus (?:seguidores|amigos|padres|papas|companeros) (?:estan|van) (?:por|a punto de|a) verlo todo', '(?:toda )?tu (?:familia|escuela|clase)(?: toda| entera)? va a (?:recibir|ver) (?:estas|esas|tus|las) fotos', '(?:todos )?tus (?:amigos|seguidores|papas|padres|companeros) (?:van a|lo van a) ver (?:estas|tus|las) (?:fotos|videos)', 'se (?:lo|las) (?:mando|envio|paso) a tu (?:escuela|familia|mama|papa)', 'voy a (?:publicar|subir|mandar) tus fotos (?:para|a) todos', 'voy a (?:mandar|enviar|pasar) las fotos a tus', '(?:ensenar|mandar|mostrar|pasar) tus fotos a (?:toda |todo )?(?:tu|tus)', 'tu (?:familia|escuela|mama|papa) va a ver (?:estas|tus|las) fotos', 'publicar tus fotos para que todos', 'tus (?:padres|papas|amigos) van a recibir', 'todos en tu (?:escuela|colegio|clase) (?:las |los |lo )?van a ver', '(?:tus|tu) (?:padres|papas|amigos|escuela|familia)(?: y (?:tus|tu) (?:padres|papas|amigos|escuela|familia))? (?:van|va) a ver todo', 'tus (?:papas|padres|amigos|seguidores)(?: y tus (?:papas|padres|amigos|seguidores))? (?:lo |las )?van a ver todo'],
      pt: ['vou (?:mandar|enviar|postar|mostrar|vazar) (?:suas fotos|isso|seu video|tudo) (?:pra|para) (?:sua familia|seus amigos|seus seguidores|sua escola|seus pais|todo mundo|sua (?:turma|sala|classe))', 'tenho (?:suas|tuas) (?:fotos|videos)', 'vou (?:postar|publicar) (?:suas fotos|tudo) (?:na|pra|para)', 'vou mandar as fotos (?:pros|pra)', 'sua familia vai ver tudo', '(?:a |sua )?(?:escola|familia|turma|sala) (?:inteira|toda) vai ver(?: tudo| isso)?(?=\\s*(?:[.!?,]|$))', 'vou (?:postar|publicar|espalhar|vazar) (?:suas|tuas) fotos (?:em todo lugar|por todo lado|na internet)', '(?:toda )?(?:a )?sua (?:familia|escola|turma)(?: toda| inteira)? vai (?:receber|ver) (?:essas|estas|suas|as) fotos', '(?:todos )?(?:os )?(?:seus|teus) (?:amigos|seguidores|pais|colegas) vao ver (?:essas|suas|as) (?:fotos|videos)', 'vou mandar (?:pra|para) (?:sua|seu|seus|tua) (?:escola|pais|familia)', 'vou (?:postar|publicar|mandar) (?:suas|tuas) fotos (?:pra|para) todos', 'todo mundo na (?:sua|tua) (?:escola|sala|turma) vai ver', 'mostrar (?:suas|tuas) fotos (?:pra|para) (?:a |sua |tua )?(?:escola|familia|turma)', '(?:sua|tua) (?:familia|escola|mae) vai ver (?:essas|suas|as) fotos', '(?:seus|teus) (?:pais|amigos) vao receber', '(?:seus|sua|teus|tua) (?:pais|amigos|escola|familia)(?: e (?:seus|sua|teus|tua) (?:pais|amigos|escola|familia))? vao ver tudo', '(?:seus|teus) (?:pais|amigos|seguidores)(?: e (?:seus |teus )?(?:pais|amigos|seguidores))? vao (?:receber|ver) tudo'],
      fr: ['je vais (?:envoyer|publier|montrer|partager) (?:tes photos|ca|ta video|tout) a (?:tous |toute )?(?:ta famille|tes amis|tes abonnes|ton ecole|tes parents|tout le monde)', "j'?ai (?:tes|toutes tes) (?:photos|videos)", 'je vais (?:publier|poster) (?:tes photos|tout) (?:a|en|sur)', 'je vais envoyer les photos a', 'ta famille va tout voir', '(?:tout|toute) (?:ton|ta) (?:college|lycee|ecole|classe|famille) va (?:le|tout) voir', 'je vais (?:poster|publier|balancer|diffuser) tes photos (?:partout|sur internet|en ligne)', '(?:toute )?ta (?:famille|classe|ecole)(?: entiere)? va (?:recevoir|voir) (?:ces|tes|les) photos', '(?:tous )?tes (?:amis|abonnes|parents) vont (?:voir|recevoir) (?:ces|tes|les) (?:photos|videos)', "je (?:l'?|les )?envoie a (?:ton|ta|tes) (?:ecole|parents|famille)", 'je vais (?:publier|poster|envoyer) tes photos pour tous', 'je vais tout (?:publier|poster|envoyer|balancer)', 'tout ton (?:college|lycee|ecole|quartier) va (?:les |tout )?voir', 'montrer tes photos a (?:tout ton|toute ta|ta|ton|tes)', 'ta (?:famille|mere|classe) va voir (?:ces|tes|les) photos', 'publier tes photos pour que tout le monde', 'tes (?:parents|amis) vont recevoir', '(?:tes|ton|ta) (?:parents|amis|ecole|famille)(?: et (?:tes|ton|ta) (?:parents|amis|ecole|famille))? vont tout voir', "j ?'?envoie tes photos a (?:tous |toute )?(?:tes|ta|ton)", 'tes (?:parents|amis|abonnes)(?: et tes (?:parents|amis|abonnes))? vont tout (?:recevoir|voir)'],
    },
  },
  {
    code: 'payment_demand',
    stage: 'payment_demand',
    detail: 'demanded money, gift cards or a payment app transfer',
    patterns: {
      en: ['(?:pay|send|give) (?:me )?(?:\\$ ?\\d+|\\d+ ?(?:dollars|usd|bucks)|money|cash|the money)', '(?<!(?:(?:get|buy|send|give) (?:you|u)|(?:you|u|^) (?:want|wanna)|^(?:want|wanna)) (?:a |an |some )?(?:free )?)(?:gift ?card|steam card|itunes card|apple card|google play card|amazon card|razer gold)', '(?:buy|get|send|give) me (?:some |a |two )?(?:steam|itunes|apple|google play|amazon) (?:gift )?cards?', 'i (?:want|need) \\d+ (?:in|on|of) (?:steam|itunes|apple|google play|amazon|gift)', 'pay (?:me |up )?(?:now|right now|today|or else)', '(?:pay|pay up|send (?:it|the money)) or (?:you know|else|i (?:post|send|share))', '(?:pay|send) (?:me )?(?:\\$ ?)?\\d+ (?:and|&) i(?:\'?ll| will)? delete', '(?:cash ?app|venmo|paypal|zelle|crypto|bitcoin|btc|usdt)', 'how much (?:money )?(?:do (?:you|u) have|can (?:you|u) (?:send|pay))', 'i (?:need|want) (?:\\$ ?\\d+|\\d+ ?(?:dollars|bucks)|money)', '(?:buy|get) me (?:a |some |two )?(?:amazon|google play|steam|apple|itunes) (?:gift )?cards?', '(?:transfer|send) (?:the money|it) (?:on|with|through|via)'],
      es: ['(?:paga|pagame|mandame|enviame|dame) (?:\\$ ?\\d+|\\d+ ?(?:dolares|pesos|euros)|dinero|el dinero)', '(?<!(?:comprar|regalar|mandar|dar|quieres) (?:una )?)tarjeta de regalo', 'cuanto dinero tienes', '(?:pagame|paga) \\d+', '(?:quiero|necesito) \\d+ en tarjetas', '(?:quiero|necesito) una tarjeta de (?:steam|google play|itunes|regalo)', '(?:tienes que|vas a) pagarme', 'o (?:esto|todo) se hace publico', 'comprame (?:unas )?tarjetas', '(?:paga|pagame|mandalo) o (?:ya sabes|si no|sino|ya veras)', '(?:y|e) (?:te )?borro todo', 'necesito \\d+ (?:dolares|pesos|euros)', '(?:compra|mandame) (?:una |unas )?tarjetas? (?:de regalo|de google play|de steam)'],
      pt: ['(?:paga|me paga|manda|envia|me da) (?:r?\\$ ?\\d+|\\d+ ?reais|dinheiro|o pix)', '\\bpix\\b', '(?<!(?:dar|dou|compro|mando|quer) (?:um )?)cartao (?:presente|de presente)', 'quanto dinheiro (?:voce|vc) tem', '(?:me )?paga \\d+', '(?:quero|preciso de) \\d+ em cart(?:ao|oes)', '(?:quero|preciso de) um cartao (?:da|de) (?:steam|google play|itunes|presente)', '(?:tem que|vai) me pagar', 'ou (?:isso|tudo) vai (?:ficar|ser) publico', 'compra (?:um )?cart(?:ao|oes) da (?:steam|google play|itunes)', 'e eu apago tudo', '(?:paga|me paga|manda) ou (?:ja sabe|ja era|vai ver|senao)', 'preciso de \\d+ reais', '(?:compra|me manda) (?:um )?cart(?:ao|oes) (?:presente|google play)'],
      fr: ["(?:paie|paye|envoie|donne)[- ]moi (?:\\d+ ?(?:euros|dollars)|de l'?argent|l'?argent)", "(?<!(?:offrir|offre|acheter|achete|donner|donne|tu veux) (?:une )?)carte cadeau", "combien d'?argent (?:as[- ]tu|tu as)", 'paie(?:[- ]moi)? \\d+', "(?:je veux|il me faut|j'?ai besoin de) \\d+ en cartes", "(?:je veux|il me faut|j'?ai besoin d'?) ?une carte (?:steam|google play|itunes|cadeau)", '(?:tu dois|tu vas) me payer', "envoie l'?argent", 'achete(?:[- ]moi)? des cartes cadeaux', 'ou (?:tout|ca) devient public', 'achete (?:des )?cartes (?:steam|itunes|google play)', "et j'?efface tout", "j'?ai besoin de \\d+ euros", '(?:achete|envoie)[- ]moi (?:des |une )?cartes? (?:cadeaux?|google play)', 'envoie \\d+ euros', '(?:paye|paie|envoie)(?:[- ]moi)? ou (?:tu sais|tu vas voir|sinon)'],
    },
  },
  {
    code: 'deadline',
    stage: 'countdown',
    detail: 'set a deadline or countdown',
    patterns: {
      en: ["(?:you|u)(?: have| got|'?ve got| have got) \\d+ (?:min|mins|minutes|hour|hours|hrs?)", '(?:clock is ticking|times? (?:is )?running out|last chance|time running out)', '(?:before|or) i (?:post|send|share)', 'tick ?tock', '\\d+ (?:minutes|mins|hours|hrs),? (?:starting|from) now', "(?:you|u)(?: have|'?ve got| got| have got) (?:until|till|til) (?:midnight|tonight|morning|\\d+(?::\\d\\d)? ?(?:am|pm)?)(?! to)", "(?:i'?m|im|i am) counting down(?! (?:the|to|till|until|til|days|weeks))", '(?:only |just )?\\d+ (?:minutes|mins) left', '(?:you|u) (?:have|got) (?:one|an|a) hour', 'hurry up or', '(?:hurry(?: up)?|quick) or (?:i|ill|i will) (?:post|send|share)', '(?:ten|five|twenty|thirty) minutes left', '(?:reply|answer|pay) (?:in|within) \\d+ (?:min|mins|minutes)', "(?:time is|time'?s|times) (?:almost |nearly )?up", "(?:i'?m giving|i'?ll give|i give|i will give) (?:you|u) (?:one|an|a|two|five|ten|\\d+) (?:hour|hours|minutes?|mins?)"],
      es: ['tienes \\d+ (?:minutos?|min|mins|horas?)', 'ultima oportunidad', 'se te acaba el tiempo', 'quedan (?:\\d+|diez|cinco) minutos', 'tienes una hora', 'se acaba el tiempo', 'el tiempo (?:corre|se acaba|se te acaba)', '\\d+ (?:minutos|horas),? (?:desde ya|desde ahora|a partir de ahora|empezando ya)', 'apurate o (?:lo |las )?(?:publico|mando|subo)', "te doy (?:una|dos|cinco|diez|\\d+) (?:horas?|minutos?)"],
      pt: ['(?:voce|vc|tu) tem \\d+ (?:minutos?|min|mins|horas?)', 'ultima chance', '(?:o|seu|teu) tempo (?:esta|ta) acabando', '\\d+ (?:minutos|horas),? (?:a partir de agora|desde ja|contando)', 'faltam (?:\\d+|dez|cinco) minutos', '(?:voce|vc) tem uma hora', 'o tempo (?:ta|esta) correndo', 'anda logo ou (?:eu )?(?:posto|publico|mando)', "te dou (?:uma|duas|cinco|dez|\\d+) (?:horas?|minutos?)"],
      fr: ["(?:tu as|t'?as) \\d+ (?:minutes?|min|mins|heures?)", 'le temps est (?:presque )?(?:fini|ecoule)', 'derniere chance', 'le temps (?:presse|est compte)', '\\d+ (?:minutes|heures),? (?:a partir de maintenant|des maintenant|top chrono)', 'il reste (?:\\d+|dix|cinq) minutes', 'tu as une heure', "depeche[- ]toi ou (?:je (?:les )?)?(?:publie|poste|envoie)", "je te donne (?:une|deux|cinq|dix|\\d+) (?:heures?|minutes?)"],
    },
  },
];
