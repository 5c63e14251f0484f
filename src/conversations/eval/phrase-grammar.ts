import type { Lang, Step } from './phrases.js';

/*
 * Templates for the training data only (`npm run train`): each risky move and everyday line
 * in many wordings, so the message model learns the words of a move ("old", "grade", "secret",
 * "selfie", "address", "gift card") rather than a few sentences. `{a|b|c}` picks one; an empty
 * alternative drops the slot. Written from the documented cues, never from an evaluation
 * split; synthetic and non-graphic like every phrase here.
 */
export const GRAMMAR: Record<Lang, Record<Step | 'neutral', string[]>> = {
  en: {
    neutral: [
      '{did you|did u|have you} {see|watch|catch} the {game|match|new episode|stream}{| last night| yesterday}{?|}',
      '{that|this} {level|boss|map|quest|song|movie} is {so hard|too easy|amazing|boring}{| lol| haha}',
      '{what|which} {games|shows|music|books} {do you|do u} {like|play|watch|read}{?|}',
      '{i|we} {just|finally} {finished|started|lost|won} {the|my|our} {game|homework|match|project}{| lol|!}',
      '{gg|good game|nice one|well played}{|!| lol}',
      '{how was|how is} {your|ur} {day|weekend|week|trip}{?|}',
      '{my|our} {cat|dog|brother|sister} {keeps|just} {stealing my snacks|knocked over my water|woke me up}',
      '{cool|nice|same|true|fair}{| haha| lol|!}',
    ],
    age: [
      '{how old|what age} {are you|r u|are u}{| btw| tho| again| exactly}{?|}',
      '{what|which} {grade|year|class} {are you|r u} in{| now| this year}{?|}',
      '{are you|r u} {still |}in {middle|high|elementary|junior high} school{?|}',
      '{you seem|u seem|you look|u look} {young|so young|younger}{|, how old are you}{?|}',
      '{are you|r u} {old enough|even old enough} to {drive|date|have a job|stay out late}{?|}',
      '{are you|r u} {like|about} {11|12|13|14|15}{| or {12|13|14|16}}{?|}',
      '{when is|whens} {your|ur} birthday{?|}{| how old will you be}',
      '{what|which} school {do you|do u} go to{?|}',
    ],
    flatter: [
      "{you're|ur|you are} so {mature|grown up|smart|different} for {your|ur} age",
      '{nobody|no one} {understands|gets} {you|u} like {i do|me}',
      "{you're|ur|you are} not like {other|the other} {kids|girls|boys}",
      '{i feel like|i think} we {really connect|have something special|understand each other}',
      '{you are|ur} {special|amazing|so mature}{|, you know that}',
    ],
    gift: [
      "{i'll|i can|let me} {buy|get|send} {you|u} {robux|vbucks|skins|a gift card|a new phone|the battle pass|a headset}{| if you want| for free}",
      '{want|wanna} {some|free} {robux|vbucks|skins|gems|coins}{?|}',
      "{i'll|i can} {top up|pay for} {your|ur} {game account|phone|subscription}",
    ],
    secret: [
      "{don't|dont|do not|never} tell {anyone|anybody|your parents|your mom|your dad|ur parents} {about us|we talk|about me|}",
      "{keep|let's keep} {this|it|us} {between us|secret|to ourselves|between you and me}",
      '{delete|clear|erase} {our|this|the} {chat|messages|convo|conversation|history}{| after| when we are done}',
      '{nobody|no one} {needs to|has to|should} know {about us|we talk|about this}',
      "{your parents|your mom|your family} {wouldn't|won't|would not} understand {us|this|}",
      '{hide|delete} {our|these|my} {messages|texts|chats}',
    ],
    move: [
      '{add|message|text|hit} me {on|up on} {snap|snapchat|telegram|whatsapp|kik|discord|signal|insta}',
      "{what's|whats|what is} {your|ur} {snap|whatsapp|number|telegram|kik|insta|discord}{?|}",
      '{give|send} me {your|ur} {number|phone number|snap|whatsapp}',
      "{let's|lets} {talk|chat|move} {on|to} {telegram|whatsapp|snap|kik|signal|discord}{| instead|, this app is weird}",
      "{this app|here} is {glitchy|watched|weird}{, |. }{let's|lets} {talk|chat} somewhere else",
      '{do you|do u} have {telegram|whatsapp|snap|kik|discord|signal}{?|}',
    ],
    image: [
      '{send|show} me {a|another|a new|some} {pic|picture|photo|selfie|video} {of you|of yourself|}{| now| rn}',
      '{can i|could i|let me} see {you|a pic of you|a photo of you|what you look like}{?|}',
      '{turn on|put on|switch on} {your|ur} {camera|cam|webcam}{| for me}',
      '{show|tell} me what {you|u} look like',
      '{send|post} {a|one} {selfie|pic} so i know {you are|ur} real',
    ],
    meet: [
      "{let's|lets|we should} {meet|hang out|meet up} {in person|irl|this weekend|alone|just us two}",
      '{where|what town} {do you|do u} live{?|}',
      '{i|i can|i could} {pick you up|come get you|drive to your town|come by your school}{| after school| tonight}',
      '{come|come over} to my {place|house|car}{| this weekend| tonight}',
      '{tell|give} me {your|ur} address',
    ],
    threat: [
      "{i'll|i will|i'm going to|gonna} {send|show|post|leak|share} {your|ur|the} {pics|photos|pictures|videos} to {your|ur} {followers|friends|family|parents|school}",
      '{everyone|all your friends|your family|your whole school} {will|is going to} see {everything|them|your pics}',
      '{i have|i got|i saved} {your|ur} {pics|photos|pictures|videos}',
      "{i'll|i will} {post|leak|share} {everything|it all} {online|everywhere}",
    ],
    pay: [
      '{pay|send} me {$50|$100|$200|$300|money}{| now| tonight}{| or else}',
      '{buy|get} me {a|some|two} {gift card|gift cards|steam card|google play card|amazon card}{s|}',
      '{send|transfer} {the money|it} {on|with|through} {cash app|venmo|paypal|zelle}',
      '{i need|i want} {$100|$150|$200|money} {by tonight|now|today}',
    ],
    clock: [
      '{you have|u have|u got} {10|20|30|one|an} {minutes|mins|hour}',
      '{time is running out|tick tock|clock is ticking|last chance|hurry up}',
      '{only|just} {10|5|2} {minutes|mins} left',
    ],
  },
  es: {
    neutral: [
      '{viste|miraste} el partido{| ayer}{?|}',
      '{que|q} buen{o|a} {dibujo|partida|juego}',
      '{ya|recien} {termine|acabe} la tarea',
      'jaja{| que risa}',
    ],
    age: [
      '{cuantos|cuántos} años {tienes|cumpliste}{?|}',
      '{en que|que} {grado|curso} {estas|vas}{?|}',
      '{vas|estas} en {secundaria|la prepa|primaria}{?|}',
      'que edad tienes{?|}',
    ],
    flatter: [
      'eres {muy|mas} madur{a|o} {para tu edad|que los demas}',
      'nadie te {entiende|comprende} como yo',
      'no eres como {los demas|las otras}',
    ],
    gift: ['te {regalo|compro|mando} {robux|skins|una tarjeta|un regalo|audifonos}', 'te recargo el {juego|celular}'],
    secret: [
      'no le {digas|cuentes} {a nadie|a tus padres|a tu mama}',
      '{es|sera} nuestro secreto',
      'borra {el chat|los mensajes}{| despues}',
      'nadie {tiene que|debe} saber{| de nosotros}',
    ],
    move: [
      '{agregame|escribeme|hablame} {en|por} {snap|telegram|whatsapp|kik|discord}',
      '{pasame|dame} tu {numero|whatsapp|snap}',
      '{tienes|usas} {telegram|discord|kik}{?|}',
    ],
    image: ['{mandame|enviame|pasame} una {foto|selfie|foto tuya}', '{prende|enciende} la camara', '{enseñame|muestrame} como eres'],
    meet: [
      '{nos vemos|quedemos} {en persona|este finde|solos}',
      '{donde|en que parte} vives{?|}',
      'te {recojo|busco} {despues de clase|esta noche}',
      'dime tu direccion',
    ],
    threat: [
      '{tengo|guarde} tus fotos',
      'voy a {mandar|enseñar|publicar} tus fotos a {tu familia|tus padres|tu escuela|tus amigos}',
      'tu familia {lo va a ver|vera} todo',
    ],
    pay: ['{pagame|mandame} {50|100|200|300} dolares', '{compra|quiero} {una tarjeta|tarjetas} de regalo', 'mandame el dinero{| ya}'],
    clock: ['tienes {30|20|10} minutos', '{ultima oportunidad|se acaba el tiempo|queda poco tiempo}'],
  },
  pt: {
    neutral: [
      '{viu|assistiu} o jogo{| ontem}{?|}',
      'que {desenho|jogo|partida} {legal|bom}',
      'kkk{| essa fase e dificil}',
      '{ja|acabei de} {fazer|terminar} a tarefa',
    ],
    age: [
      'quantos anos {vc|voce|tu} {tem|fez}{?|}',
      'qual {a sua|tua} idade{?|}',
      'em que {serie|ano} {vc|voce} {ta|esta}{?|}',
      '{vc|voce} ta no ensino {medio|fundamental}{?|}',
    ],
    flatter: [
      '{vc|voce} e muito madur{a|o} {pra|para} sua idade',
      'ninguem te entende como eu',
      '{vc|voce} nao e como {os outros|as outras}',
    ],
    gift: ['te {dou|mando|compro} {robux|skins|um presente|um fone}', 'posso recarregar seu {jogo|celular}'],
    secret: [
      'nao {conta|fala} {pra ninguem|pros seus pais|de mim pra sua mae}',
      'e nosso segredo',
      'apaga a conversa{| depois}',
      'ninguem pode saber{| da gente}',
    ],
    move: [
      'me {chama|add|adiciona} no {zap|telegram|snap|kik|insta|discord}',
      'me passa seu {numero|zap|telefone}',
      '{vc|voce} tem {telegram|discord|kik}{?|}',
    ],
    image: ['me {manda|envia} uma {foto|selfie|foto sua}', 'liga a camera', 'me mostra como {vc|voce} e'],
    meet: [
      'vamos nos {encontrar|ver}{| so nos dois}',
      'onde {vc|voce} mora{?|}',
      'te busco {depois da aula|hoje a noite}',
      'me fala seu endereco',
    ],
    threat: [
      'tenho suas fotos',
      'vou {mandar|mostrar|postar} suas fotos {pra sua familia|pros seus pais|pra sua escola}',
      'sua familia vai ver tudo',
    ],
    pay: ['me {da|manda|paga} {50|100|300} reais', 'compra {um cartao|cartoes} presente', 'manda o dinheiro{| agora}'],
    clock: ['{vc|voce} tem {30|20|10} minutos', '{ultima chance|o tempo ta acabando}'],
  },
  fr: {
    neutral: [
      "{t'as vu|tu as vu} le match{| hier}{?|}",
      '{bien joue|trop bien|mdr}',
      "{j'ai fini|je viens de finir} mes devoirs",
      'il {pleut|neige} ici',
    ],
    age: [
      "{t'as|tu as} quel age{ ?|}",
      'quel age {as-tu|tu as}{ ?|}',
      'tu es en quelle classe{ ?|}',
      '{tu es|t es} au {college|lycee}{ ?|}',
    ],
    flatter: [
      'tu es {tres|plus} mature {pour ton age|que les autres}',
      'personne ne te comprend comme moi',
      "{t'es|tu es} pas comme les autres",
    ],
    gift: ["je {t'achete|te paie|t'envoie} {des skins|un cadeau|une carte|un casque}", 'je recharge ton {compte|telephone}'],
    secret: [
      'ne {dis rien a personne|le dis pas a tes parents|parle pas de moi a ta mere}',
      "c'est notre secret",
      'efface la conversation{| apres}',
      'personne ne doit savoir{| pour nous}',
    ],
    move: [
      '{ajoute|ecris}-moi sur {snap|telegram|whatsapp|kik|discord}',
      'donne-moi ton {numero|snap|whatsapp}',
      'tu as {telegram|discord|kik}{ ?|}',
    ],
    image: ['{envoie|montre}-moi une {photo|photo de toi|selfie}', 'allume ta camera', 'montre-moi a quoi tu ressembles'],
    meet: [
      'on se voit {en vrai|ce week-end|juste nous deux}',
      'tu habites ou{ ?|}',
      'je passe te chercher {apres les cours|ce soir}',
      'donne-moi ton adresse',
    ],
    threat: [
      "j'ai tes photos",
      'je vais {envoyer|montrer|publier} tes photos a {ta famille|tes parents|ton ecole}',
      'ta famille va tout voir',
    ],
    pay: ['{envoie|paie}-moi {50|100|300} euros', 'achete des cartes cadeaux', "envoie l'argent{| maintenant}"],
    clock: ['tu as {30|20|10} minutes', '{derniere chance|le temps presse}'],
  },
};

/** One random wording of a template. */
export function expand(template: string, rnd: () => number): string {
  return template
    .replace(/\{([^{}]*)\}/g, (_, alts: string) => {
      const options = alts.split('|');
      return options[Math.floor(rnd() * options.length)]!;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
