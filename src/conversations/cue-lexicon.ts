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

export interface CueDef {
  code: string;
  stage: Stage;
  detail: string;
  patterns: Record<'en' | 'es' | 'pt' | 'fr', string[]>;
}

 /** After "a photo", the words that make it a photo of a thing or a place rather than of the child. */
const NOT_OF_A_THING = '(?! of (?:the|this|that|a|an|my|his|her|their|our|it|where|what|your (?:homework|work|drawing|project|cake|dog|cat|form|slip|essay|room|team|score|screen)))';

const APPS = '(?:snap|snapchat|telegram|whatsapp|whats|zap|kik|discord|signal|wickr|insta|instagram|tiktok|line|wechat|viber|session)';

export const CUES: CueDef[] = [
  {
    code: 'age_question',
    stage: 'risk_assessment',
    detail: 'asked the child their age or school year',
    patterns: {
      en: ["how old (?:are|r) (?:you|u|ya)", "what'?s (?:your|ur) age", 'what (?:grade|year) (?:are|r) (?:you|u) in', 'are (?:you|u) (?:in )?(?:middle|high) school'],
      es: ['cuantos anos tienes', 'que edad tienes', 'en que (?:grado|curso) (?:estas|vas)'],
      pt: ['quantos anos (?:voce|vc|tu) tem', 'qual (?:a )?(?:sua|tua) idade', 'em que (?:serie|ano) (?:voce|vc) (?:esta|ta)'],
      fr: ["quel age (?:as[- ]tu|tu as|t'?as)", "t'?as quel age", 'tu as quel age', 'tu es en quelle classe'],
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
      en: ['mature for (?:your|ur) age', "(?:you'?re|ur|you are) (?:so )?(?:special|different from other)", 'nobody understands (?:you|u) like (?:i do|me)', "i'?m the only one who (?:gets|understands) (?:you|u)", "(?:you'?re|ur) my (?:girlfriend|boyfriend|gf|bf)"],
      es: ['madur[oa] para tu edad', 'eres (?:muy )?especial', 'nadie te entiende como yo'],
      pt: ['madur[oa] (?:pra|para) (?:sua|tua) idade', '(?:voce|vc) e (?:muito )?especial', 'ninguem te entende como eu'],
      fr: ['mature pour ton age', 'tu es (?:tres )?speciale?', 'personne ne te comprend comme moi'],
    },
  },
  {
    code: 'gift_offer',
    stage: 'relationship_forming',
    detail: 'offered gifts, game currency or money',
    patterns: {
      en: ["i'?(?:ll|will|can) (?:buy|get|send|give) (?:you|u) (?:a |some )?(?:gift|present|robux|v-?bucks|gift ?card|skins?|gems|money|cash)", '(?:want|wanna) (?:some )?(?:free )?(?:robux|v-?bucks|skins|gems)'],
      es: ['te (?:compro|regalo|mando|doy) (?:un regalo|robux|dinero|una tarjeta|skins)'],
      pt: ['(?:te dou|vou te dar|te mando|te compro) (?:um presente|robux|dinheiro|skins)'],
      fr: ["je (?:t'?achete|te paie|t'?offre|te donne) (?:un cadeau|des robux|de l'?argent|des skins)"],
    },
  },
  {
    code: 'secrecy_request',
    stage: 'exclusivity_secrecy',
    detail: 'asked the child to keep the contact secret',
    patterns: {
      en: ["(?:don'?t|do not|dont|never) tell (?:anyone|anybody|no one|(?:your|ur) (?:parents|mom|dad|mum|friends|teacher))", // ...unless the secret is a surprise for someone else ("our secret, we're surprising dad").
        "(?:our|a) (?:little )?secret(?![^.!?]{0,40}surpris)", 'keep (?:this|it|us) (?:between us|secret|to (?:yourself|urself))', 'delete (?:this|these|our|the) (?:chat|messages|convo|conversation)', 'secret ok'],
      es: ['no (?:le )?(?:digas|cuentes) (?:nada )?a nadie', 'nuestro secreto', 'entre nosotros', 'borra (?:los|este|el|estos) (?:mensajes|chat)'],
      pt: ['nao (?:conta|fala) (?:pra|para) ninguem', 'nosso segredo', 'entre nos', 'apaga (?:as|essas|a) (?:mensagens|conversa)'],
      fr: ['ne (?:le )?dis (?:rien|a personne)', 'notre secret', 'entre nous', 'efface (?:les|ces|la) (?:messages|conversation)'],
    },
  },
  {
    code: 'platform_move',
    stage: 'isolation_platform_move',
    detail: 'asked to move the conversation to another app',
    patterns: {
      en: [`(?:add|message|text|dm|find|hit|talk to) me (?:up )?on ${APPS}`, `what'?s (?:your|ur) (?:${APPS}|number|phone number|cell)`, `(?:give|send) me (?:your|ur) (?:number|${APPS})`, "let'?s (?:talk|chat|move) (?:somewhere else|on another app|privately|in private)", `(?:do|do you) (?:you|u) have ${APPS}`],
      es: [`(?:agregame|escribeme|hablame|buscame) (?:en|por) ${APPS}`, `pasame tu (?:numero|${APPS})`, `tienes ${APPS}`],
      pt: [`me (?:add|adiciona|chama|manda mensagem) no ${APPS}`, `me passa (?:seu|teu) (?:numero|${APPS})`, `(?:voce|vc|tu) tem ${APPS}`],
      fr: [`(?:ajoute|ecris)[- ]moi sur ${APPS}`, `donne[- ]moi ton (?:numero|${APPS})`, `(?:as[- ]tu|t'?as) ${APPS}`],
    },
  },
  {
    code: 'image_request',
    stage: 'image_request',
    detail: 'asked the child for photos, video or a camera',
    patterns: {
      // "a photo of the cake" or "of your homework" is not a request for the child's image.
      en: [`(?:send|show) (?:me )?(?:a |an |some |another |more )?(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid)${NOT_OF_A_THING}`, 'can i see (?:a pic|a photo|a picture|you)', 'turn (?:on )?(?:your|ur) (?:cam|camera|webcam)', 'send (?:one|some) (?:more|now)', '(?:pic|photo|picture) (?:just )?for me', 'send photo'],
      es: ['(?:mandame|enviame|pasame|manda|envia) (?:una |unas |otra )?(?:foto|fotos|video|selfie)', '(?:prende|enciende) (?:la|tu) camara'],
      pt: ['(?:me )?(?:manda|envia) (?:uma |umas |outra )?(?:foto|fotos|video|selfie)', 'liga (?:a|sua) (?:camera|cam)'],
      fr: ['(?:envoie|montre)[- ]moi (?:une |des |une autre )?(?:photo|photos|video|selfie)', 'allume (?:ta )?(?:camera|cam|webcam)'],
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
      en: ["(?:let'?s|we should|want to|wanna|we could) (?:meet|hang out)(?: up)?(?: in person| irl| sometime)?", 'i (?:can|could) (?:pick (?:you|u) up|come (?:to|get) (?:you|u))', 'where do (?:you|u) live', "what'?s (?:your|ur) address", 'meet (?:me )?(?:at|after) (?:the |school)', 'come (?:over|to my (?:place|house))'],
      es: ['(?:nos vemos|quedamos|vernos|conocernos) en persona', 'donde vives', 'te (?:recojo|paso a buscar)', 'ven a mi casa'],
      pt: ['(?:vamos|bora) (?:nos )?(?:encontrar|ver)', 'onde (?:voce|vc|tu) mora', 'te (?:busco|pego)', 'vem (?:pra|para|na) minha casa'],
      fr: ['(?:on se voit|se voir|on se rencontre) en vrai', '(?:ou|tu) (?:tu )?habites', 'je (?:viens|passe) te (?:chercher|prendre)', 'viens chez moi'],
    },
  },
  {
    code: 'exposure_threat',
    stage: 'sextortion_threat',
    detail: "threatened to send the child's images to followers, family or school",
    patterns: {
      en: ["(?:i'?ll|i will|gonna|going to|im going to|i'?m going to) (?:send|post|share|leak|show|expose) (?:it|them|this|these|everything|(?:your|ur) (?:pics|photos|pictures|video|vids|chats?)) (?:to|with) (?:all )?(?:your |ur )?(?:followers|friends|family|parents|school|teachers|classmates|everyone)", '(?:everyone|(?:your|ur) (?:school|family|friends|followers|parents)) (?:will|is going to|gonna) see', 'i (?:have|got|saved|screenshotted) (?:your|ur|all (?:your|ur)) (?:pics|photos|pictures|video|chats)'],
      es: ['(?:voy a|le voy a) (?:mandar|enviar|publicar|ensenar|pasar) (?:tus fotos|esto|tu video|todo) a (?:tu familia|tus amigos|tus seguidores|tu escuela|tus padres|todos)', 'tengo tus (?:fotos|videos)'],
      pt: ['vou (?:mandar|enviar|postar|mostrar|vazar) (?:suas fotos|isso|seu video|tudo) (?:pra|para) (?:sua familia|seus amigos|seus seguidores|sua escola|seus pais|todo mundo)', 'tenho (?:suas|tuas) (?:fotos|videos)'],
      fr: ['je vais (?:envoyer|publier|montrer|partager) (?:tes photos|ca|ta video|tout) a (?:ta famille|tes amis|tes abonnes|ton ecole|tes parents|tout le monde)', "j'?ai (?:tes|toutes tes) (?:photos|videos)"],
    },
  },
  {
    code: 'payment_demand',
    stage: 'payment_demand',
    detail: 'demanded money, gift cards or a payment app transfer',
    patterns: {
      en: ['(?:pay|send|give) (?:me )?(?:\\$ ?\\d+|\\d+ ?(?:dollars|usd|bucks)|money|cash|the money)', '(?:gift ?card|steam card|itunes card|apple card|google play card|amazon card|razer gold)', '(?:cash ?app|venmo|paypal|zelle|crypto|bitcoin|btc|usdt)', 'how much (?:money )?(?:do (?:you|u) have|can (?:you|u) (?:send|pay))'],
      es: ['(?:paga|pagame|mandame|enviame|dame) (?:\\$ ?\\d+|\\d+ ?(?:dolares|pesos|euros)|dinero|el dinero)', 'tarjeta de regalo', 'cuanto dinero tienes'],
      pt: ['(?:paga|me paga|manda|envia|me da) (?:r?\\$ ?\\d+|\\d+ ?reais|dinheiro|o pix)', '\\bpix\\b', 'cartao (?:presente|de presente)', 'quanto dinheiro (?:voce|vc) tem'],
      fr: ["(?:paie|paye|envoie|donne)[- ]moi (?:\\d+ ?(?:euros|dollars)|de l'?argent|l'?argent)", 'carte cadeau', "combien d'?argent (?:as[- ]tu|tu as)"],
    },
  },
  {
    code: 'deadline',
    stage: 'countdown',
    detail: 'set a deadline or countdown',
    patterns: {
      en: ['(?:you|u) (?:have|got) \\d+ (?:min|mins|minutes|hour|hours|hrs?)', '(?:clock is ticking|times? (?:is )?running out|last chance|time running out)', '(?:before|or) i (?:post|send|share)'],
      es: ['tienes \\d+ (?:minutos|horas)', 'ultima oportunidad', 'se te acaba el tiempo'],
      pt: ['(?:voce|vc|tu) tem \\d+ (?:minutos|horas)', 'ultima chance', 'o tempo (?:esta|ta) acabando'],
      fr: ['tu as \\d+ (?:minutes|heures)', 'derniere chance', 'le temps (?:presse|est compte)'],
    },
  },
];
