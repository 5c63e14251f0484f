/*
 * Frames: cues recognised by what a message combines rather than by one phrase. A threat is
 * an audience (the child's school, family, followers) with a verb of exposure and coercion
 * ("if you don't", "I have your follower list"), in any order and any wording between them;
 * a payment demand is money (an amount, a gift card, a payment app) with a demand on the
 * sender's behalf ("to me", "buy me"). The phrase lexicon (`cue-lexicon.ts`) kept missing the
 * same move in new words (fresh11: most sextortion lines in Spanish, Portuguese and French);
 * a frame names the parts and lets the words between them vary. Every slot must match,
 * as whole words, somewhere in the normalised message. Non-graphic by rule.
 */
import { APP_NAMES as APPS, type CueLang as Lang } from './cue-lexicon.js';

export type Frames = Partial<Record<Lang, string[][]>>;

/** Who the child fears seeing: the people around them. */
const AUDIENCE: Record<Lang, string> = {
  en: '(?:(?:your|ur) (?:whole |entire )?(?:school|class|family|parents|mom|mum|dad|friends|followers|contacts|classmates|teachers?|principal|team|church|(?:follower|friend|contact)s? list)|every(?:one|body) (?:at|in|on|from) (?:your|ur)|every(?:one|body) (?:you|u) know|all (?:your|ur) (?:friends|followers|contacts|classmates))',
  es: '(?:(?:tu|tus) (?:familia|escuela|colegio|clase|padres|papas|mama|papa|amigos|seguidores|contactos|companeros|profesores|maestros)|toda (?:tu |la )?(?:escuela|familia|clase)|todos tus (?:amigos|seguidores|contactos)|todo el mundo)',
  pt: '(?:(?:sua|seu|seus|suas|tua|teu|teus|tuas) (?:familia|escola|sala|turma|pais|mae|pai|amigos|seguidores|contatos|colegas|professores)|(?:a )?(?:escola|familia|turma) (?:toda|inteira)|toda (?:a |sua )?(?:escola|familia|turma)|todo mundo)',
  fr: '(?:(?:ta|ton|tes) (?:famille|ecole|college|lycee|classe|parents|mere|pere|amis|abonnes|contacts|profs)|tout ton (?:college|lycee|ecole|entourage)|toute ta (?:famille|classe|ecole)|tout le monde|tous tes (?:amis|abonnes|contacts))',
};

/** Sending, publishing, or the audience coming to see or receive. */
const EXPOSE: Record<Lang, string> = {
  en: '(?:send|sends|post|share|leak|show|expose|upload|spread|forward|publish|sees?|see|get|gets|receive|find out)',
  es: '(?:(?:va|van|vas) a (?:ver|recibir|saber|enterarse)|veran?|publico|publicar|mandar|mando|enviar|envio|compartir|subir|subo|ensenar|mostrar|pasar)',
  pt: '(?:(?:vai|vao) (?:ver|receber|saber)|posto|postar|publicar|publico|mandar|mando|enviar|compartilhar|vazar|vazo|mostrar)',
  fr: '(?:verr(?:a|ont)|(?:va|vont) (?:voir|recevoir|savoir)|recevr(?:a|ont)|publie|publier|poster|envoyer|envoie|partager|montrer|balancer|balance)',
};

/**
 * The coercion, which is what separates a threat from a parent's "your dad will see the
 * photos": a condition on obeying or paying, "or else", a claim to hold the child's images or
 * contact list, a promise of ruin, "what you sent".
 */
const COERCE: Record<Lang, string> = {
  en: "(?:if (?:you|u) (?:don'?t|dont|do not|won'?t|wont|refuse to|ignore) (?:me|pay|send|do (?:what|as) i|listen|answer|reply|comply)|unless (?:you|u) (?:pay|send|do)|or else|(?:i have|i'?ve got|i got|i saved|i kept|i screenshot(?:ted)?) (?:your|ur|all (?:your|ur)) (?:pics|photos|pictures|videos?|vids|chats|screenshots|contacts|followers|(?:follower|friend|contact)s? list)|ruin (?:your|ur) life|what (?:you|u) sent)",
  es: '(?:si no (?:haces lo que|me (?:pagas|mandas|das|obedeces|contestas)|pagas|mandas|obedeces)|a menos que (?:me )?(?:pagues|mandes)|o si no|(?:tengo|guarde) (?:tus (?:fotos|videos|contactos|seguidores)|la lista|tu lista)|arruinar(?:te)? la vida|lo que (?:me )?(?:mandaste|enviaste))',
  pt: '(?:se (?:vc|voce|tu) nao (?:fizer o que|me (?:pagar|mandar)|pagar|mandar|obedecer)|a menos que (?:vc|voce) (?:pague|mande)|tenho (?:suas|tuas) (?:fotos|videos)|tenho a lista|acabar com (?:sua|tua) vida|o que (?:vc|voce) (?:me )?(?:mandou|enviou))',
  fr: "(?:si tu (?:ne fais pas ce que|ne me (?:paies|payes|envoies)|ne paies pas|ne payes pas|n'?obeis pas)|a moins que tu (?:paies|payes|envoies)|j'?ai (?:tes|toutes tes) (?:photos|videos|contacts)|j'?ai la liste|ruiner ta vie|ce que tu (?:m'?)?as envoye)",
};

/** "I'll share everything with your whole contact list": all of it, to everyone, said as a plan. */
const WILL_SPREAD: Record<Lang, string> = {
  en: "(?:i'?ll|i will|i'?m going to|im going to|i'?m gonna|gonna) (?:share|post|leak|expose|send|spread|forward)",
  es: 'voy a (?:compartir|publicar|mandar|enviar|pasar|subir|filtrar)',
  pt: 'vou (?:compartilhar|postar|publicar|mandar|enviar|vazar|espalhar)',
  fr: 'je vais (?:tout )?(?:partager|publier|poster|envoyer|balancer|diffuser)',
};
const ALL_OF_IT: Record<Lang, string> = {
  en: '(?:everything|it all|all of it|(?:all )?(?:your|ur) (?:pics|photos|pictures|videos|chats))',
  es: '(?:todo|(?:todas )?tus fotos)',
  pt: '(?:tudo|(?:todas as )?suas fotos)',
  fr: '(?:tout|(?:toutes )?tes photos)',
};
const EVERYONE_YOU_KNOW: Record<Lang, string> = {
  en: '(?:(?:your|ur) (?:whole |entire )?(?:contact list|contacts|followers|friends? list|school|class)|every(?:one|body) (?:you|u) know|every(?:one|body) on (?:your|ur))',
  es: '(?:(?:todos )?tus (?:contactos|seguidores)|toda tu (?:escuela|clase)|todo el mundo)',
  pt: '(?:(?:todos )?(?:os )?seus (?:contatos|seguidores)|a escola toda|toda a (?:sua )?(?:escola|turma)|todo mundo)',
  fr: '(?:(?:tous )?tes (?:contacts|abonnes)|tout ton (?:college|lycee)|toute ta classe|tout le monde)',
};

/** Money: an amount, a gift card, a payment app or currency. */
const MONEY: Record<Lang, string> = {
  en: '(?:\\$ ?\\d+|\\d+ ?(?:dollars|bucks|usd|euros|pounds|quid)|(?:gift|steam|itunes|apple|google play|amazon|razer gold|xbox|psn|visa)(?: gift)? ?cards?|bitcoin|btc|crypto|usdt|paypal|venmo|cash ?app|zelle)',
  es: '(?:\\$ ?\\d+|\\d+ ?(?:dolares|pesos|euros|soles)|tarjetas? (?:de )?(?:regalo|steam|google play|itunes|amazon|apple)|bitcoin|btc|cripto|paypal|bizum|transferencia)',
  pt: '(?:r?\\$ ?\\d+|\\d+ ?(?:reais|dolares|euros)|cart(?:ao|oes) (?:de |da |do )?(?:presente|steam|google play|itunes|amazon|apple)|bitcoin|btc|cripto|pix|paypal)',
  fr: '(?:\\d+ ?(?:euros|dollars|balles|€)|€ ?\\d+|cartes? (?:cadeaux?|steam|google play|itunes|amazon|apple|pcs)|paysafecard|bitcoin|btc|crypto|paypal|lydia)',
};

/** A demand on the sender's own behalf, or the promise that paying ends it. */
const DEMAND: Record<Lang, string> = {
  en: "(?:(?:transfer|wire|send|pay|give|buy|get) me|(?:send|buy|get|transfer|wire) (?:\\$ ?)?\\d+|or else|(?:to|for) me|i (?:want|need)|gimme|pay up|(?:goes|go) away|disappears?|i(?:'?ll| will)? delete)",
  es: '(?:(?:transfiere|deposita|manda|envia|paga|da|compra|consigue)me|a mi cuenta|quiero|necesito|se (?:acaba|termina|borra)|(?:lo|las|te) borro)',
  pt: '(?:me (?:transfere|manda|paga|envia|da|compra|arruma|consegue)|(?:pra|para) mim|quero|preciso|(?:isso|tudo) (?:acaba|some|termina)|eu apago)',
  fr: "(?:(?:vire|envoie|paie|paye|donne|achete|trouve|file)[- ]moi|je veux|il me faut|j'?ai besoin|disparait|s'?arrete|j'?efface)",
};

/** A time left, and what happens when it runs out. */
const TIME_LEFT: Record<Lang, string> = {
  en: '(?:(?:\\d+|one|two|five|ten|twenty|thirty) (?:min|mins|minutes|hour|hours|hrs?|seconds|secs)|(?:by|before) (?:tonight|midnight|tomorrow|morning))',
  es: '(?:(?:\\d+|una|dos|cinco|diez|veinte|treinta) (?:minutos?|horas?|segundos)|(?:para|antes de) (?:esta noche|la medianoche|manana))',
  pt: '(?:(?:\\d+|uma|duas|cinco|dez|vinte|trinta) (?:minutos?|horas?|segundos)|(?:ate|antes d[ea]) (?:hoje a noite|a meia ?noite|amanha))',
  fr: "(?:(?:\\d+|une|deux|cinq|dix|vingt|trente) (?:minutes?|heures?|secondes)|(?:avant|d'?ici) (?:ce soir|minuit|demain))",
};
const OR_ELSE: Record<Lang, string> = {
  en: "(?:or (?:i|ill|i'?ll|i will|everyone|they|it|everything) (?:post|send|share|leak|goes? (?:out|online|public)|gets? (?:out|sent|posted)|sees?|will see)|or else|or (?:it'?s|its) (?:over|too late))",
  es: '(?:o se acabo|o (?:lo |las |los |te )?(?:publico|mando|subo|comparto|envio)|o (?:todos|todo el mundo) (?:lo )?(?:ven|veran)|o si no)',
  pt: '(?:ou acabou|ou (?:eu )?(?:posto|publico|mando|vazo|compartilho)|ou todo mundo (?:vai )?ve|senao)',
  fr: "(?:ou c'?est fini|ou (?:je )?(?:publie|poste|envoie|balance|partage)|ou tout le monde (?:va )?(?:voit|verra)|sinon)",
};
/** "You have until midnight": a deadline with no number in it; "until tomorrow to hand it in" is a teacher's. */
const UNTIL: Record<Lang, string> = {
  en: '(?:you|u) (?:have|got|get) (?:until|till|til|untill) (?:midnight|tonight|tomorrow|morning|the morning|\\d[\\d: ]*(?:am|pm)?)(?! (?:to|for) )',
  es: 'tienes hasta (?:la medianoche|medianoche|esta noche|manana|las \\d+|la manana)(?! (?:para|pa) )',
  pt: '(?:vc|voce|tu) tem ate (?:a meia ?noite|meia ?noite|hoje a noite|amanha|as \\d+)(?! (?:pra|para) )',
  fr: "tu as jusqu ?'? ?(?:a|au) (?:minuit|ce soir|demain|\\d+ ?h?)(?! pour )",
};

/** Going somewhere else: a verb of moving the talk, with an app named anywhere in the message. */
const MOVE: Record<Lang, string> = {
  en: "(?:download|find me|let'?s (?:move|switch|talk|chat|continue)|(?:move|switch|come) (?:to|over to|on)|add (?:me|you|u)|hit me up|dm me|message me|text me|talk (?:on|over)|msg me)",
  es: '(?:pasemos|vamonos (?:a|al|pa)|vamos (?:a|al) (?:hablar|pasar)|pasemonos|pasate|hablemos|escribeme|agregame|sigueme|seguime|mejor (?:por|en))',
  pt: '(?:levar isso (?:pro|pra)|bora (?:pro|pra|no)|vamos (?:pro|pra)|me chama|me add|me adiciona|passa (?:pro|pra)|fala comigo|me segue)',
  fr: '(?:on passe (?:sur|a|au)|passons (?:sur|a)|viens (?:sur|a)|ajoute[- ]moi|ecris[- ]moi|parle[- ]moi|on (?:se )?parle (?:sur|par)|on continue (?:sur|par))',
};

/** Asking to see or to be sent something. */
const ASK_TO_SEE: Record<Lang, string> = {
  en: "(?:send|show|share|(?:can|could|may) i (?:see|have|get)|(?:let me|lemme) see|(?:i'?d|i would) (?:love|like) to see|(?:wanna|want to|wish i could) see|(?:got|have|do (?:you|u) have) any)",
  es: '(?:mandame|enviame|pasame|manda|envia|muestrame|ensename|(?:quiero|quisiera|me encantaria|me gustaria) ver|puedo ver|me (?:mandas|envias|pasas)|tienes)',
  pt: '(?:me manda|manda|me envia|envia|me passa|me mostra|(?:quero|queria|adoraria|gostaria de) ver|posso ver|tem)',
  fr: "(?:envoie[- ]moi|envoie|montre[- ]moi|montre|(?:je veux|j'?aimerais|je voudrais|je peux) voir|(?:t'?as|tu as))",
};
const MEDIA: Record<Lang, string> = {
  en: '(?:pics?|pictures?|photos?|selfies?|vids?|videos?)',
  es: '(?:fotos?|selfies?|videos?)',
  pt: '(?:fotos?|selfies?|videos?)',
  fr: '(?:photos?|selfies?|videos?)',
};
/** Of the child, or for the sender alone: what makes a photo request about the child. */
const OF_YOU: Record<Lang, string> = {
  en: "(?:of (?:you|u|yourself|urself)|(?:just |only )?for me|(?:your|ur) face|what (?:you|u) look like|what (?:you|u)'?re wearing)",
  es: '(?:tuyas?|de ti|(?:solo )?para mi|como eres|tu cara)',
  pt: '(?:sua|suas|tua|de (?:voce|vc|ti)|(?:so )?(?:pra|para) mim|como (?:vc|voce) e|seu rosto)',
  fr: '(?:de toi|(?:juste |rien que )?pour moi|a quoi tu ressembles|ton visage)',
};

/** Not telling, not mentioning, nobody knowing, "if anyone asks". */
const TELL_NOBODY: Record<Lang, string> = {
  en: "(?:(?:don'?t|dont|do not|never|can'?t|cant|cannot|shouldn'?t|mustn'?t) (?:tell|mention|say anything|talk about|show)|keep (?:it|this|that|us|our [a-z]+) (?:quiet|secret|private|hidden|a secret)|(?:nobody|no one|noone) (?:needs|has|should|must|can) (?:to )?know|if (?:anyone|anybody|someone|they|(?:your|ur) (?:parents|mom|mum|dad)) asks?)",
  es: '(?:no (?:le |les )?(?:digas|cuentes|hables|menciones|ensenes)|no (?:le |les )?puedes (?:decir|contar|hablar)|nadie (?:tiene que|debe|necesita) saber|si (?:alguien|te|tus papas|tu mama) (?:pregunta|preguntan)|(?:en|un) secreto)',
  pt: '(?:nao (?:conta|fala|pode contar|pode falar|mostra)|ninguem (?:pode|precisa|deve) saber|se (?:alguem|seus pais|sua mae) perguntar|(?:em|um) segredo)',
  fr: "(?:ne (?:dis|parle|raconte|montre) (?:rien|pas|a personne)|tu ne (?:peux|dois) pas (?:dire|parler|raconter)|personne ne doit (?:savoir|le savoir)|si (?:quelqu'?un|on|tes parents) (?:te )?demande|(?:en|un) secret)",
};
/** The secret is the contact itself: the sender, the two of them, their chats. */
const ABOUT_US: Record<Lang, string> = {
  en: "(?:about (?:me|us|this chat|what we)|(?:we|we'?re|we are|we'?ve been) (?:talk|talking|chatting|texting|friends)|our (?:friendship|chats?|messages|relationship|talks?|convos?)|(?:you|u) (?:don'?t|dont|never) know me|this (?:chat|conversation)|between us)",
  es: '(?:de mi|sobre mi|de nosotros|sobre nosotros|que hablamos|que nos (?:hablamos|conocemos)|nuestra (?:amistad|relacion)|(?:nuestros|estos) (?:mensajes|chats)|no me conoces|entre nosotros)',
  pt: '(?:de mim|sobre mim|da gente|sobre a gente|que a gente (?:conversa|se fala|fala)|nossa (?:amizade|relacao)|(?:nossas|essas) (?:mensagens|conversas)|nao me conhece|entre nos)',
  fr: "(?:de moi|sur moi|de nous|sur nous|qu'?on se parle|notre (?:amitie|relation)|(?:nos|ces) (?:messages|conversations)|tu ne me connais pas|entre nous)",
};

/** Meeting in person... */
const MEET: Record<Lang, string> = {
  en: '(?:meet|see (?:you|u)|come (?:over|to|get)|pick (?:you|u) up|drive (?:you|u)|sneak out|hang out|visit (?:you|u))',
  es: '(?:vernos|veamonos|nos vemos|quedar|conocernos|te (?:recojo|busco|llevo)|paso por ti|salir|escaparte|ven a)',
  pt: '(?:nos ver|se ver|a gente se ve|encontrar|te (?:busco|pego|levo)|passo ai|sair|fugir|vem (?:pra|para|aqui))',
  fr: '(?:se voir|on se voit|se rencontrer|te (?:chercher|prendre|ramener)|sortir|viens|venir)',
};
/** ...alone, in secret, at the sender's place, or where the child lives. */
const PRIVATELY: Record<Lang, string> = {
  en: "(?:alone|just (?:us|the two of us|you and me|me and you)|(?:don'?t|dont) (?:tell|bring)|without (?:your|ur) (?:parents|mom|mum|dad)|sneak|(?:nobody|no one) (?:will|has to|needs to) know|my (?:place|house|car|apartment|hotel)|(?:your|ur) (?:town|city|area|neighbou?rhood)|i'?ll be outside)",
  es: '(?:sol[oa]s?|solo (?:tu y yo|nosotros)|no (?:le )?(?:digas|traigas)|sin (?:tus|tu) (?:padres|papas|mama|papa)|a escondidas|nadie (?:se va a enterar|tiene que saber)|mi (?:casa|carro|coche|depa|hotel)|tu (?:ciudad|pueblo|zona|barrio))',
  pt: '(?:sozinh[oa]s?|so nos dois|so (?:eu e (?:vc|voce)|a gente)|nao (?:conta|leva|traz)|sem (?:seus|teus) pais|escondid[oa]|ninguem (?:vai saber|precisa saber)|minha casa|meu (?:carro|apartamento|ape)|(?:sua|tua) (?:cidade|regiao|bairro))',
  fr: '(?:seule?s?|juste (?:nous deux|toi et moi)|ne (?:dis|ramene) (?:rien|personne)|sans (?:tes|ta|ton) (?:parents|mere|pere)|en cachette|personne ne (?:saura|doit savoir)|chez moi|ma voiture|ta ville|ton quartier)',
};

const LANGS: Lang[] = ['en', 'es', 'pt', 'fr'];
const each = (f: (l: Lang) => string[][]): Frames => Object.fromEntries(LANGS.map((l) => [l, f(l)]));

/**
 * The frames of each cue code (the cue's stage and detail come from the lexicon). The rarest
 * part comes first: it alone stands for the frame in the scan that most messages stop at.
 */
export const FRAMES: Record<string, Frames> = {
  exposure_threat: each((l) => [
    [COERCE[l], AUDIENCE[l], EXPOSE[l]],
    [ALL_OF_IT[l], WILL_SPREAD[l], EVERYONE_YOU_KNOW[l]],
  ]),
  payment_demand: each((l) => [[MONEY[l], DEMAND[l]]]),
  deadline: each((l) => [[TIME_LEFT[l], OR_ELSE[l]], [UNTIL[l]]]),
  platform_move: each((l) => [[APPS, MOVE[l]]]),
  image_request: each((l) => [[MEDIA[l], OF_YOU[l], ASK_TO_SEE[l]]]),
  secrecy_request: each((l) => [[ABOUT_US[l], TELL_NOBODY[l]]]),
  meeting_request: each((l) => [[PRIVATELY[l], MEET[l]]]),
};
