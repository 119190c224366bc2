"""Answer texts of the generated refusal-stream sets, by set, language and kind.

Two sets with different wording, kept apart:

- TUNING: read while the phrase lists and rules were developed (issue 21); may be looked at and
  used to decide phrases.
- HELDOUT: written before the rules were scored on it and never used to choose a phrase or a
  rule; only its score is reported (bench/refusals/RESULTS.md). When a held-out miss is
  analysed, the text moves to TUNING and a new held-out text is written.

Kinds: `full` (the user gets nothing), `partial` (one part refused, another answered),
`near_miss` (opens like a refusal, an apology, then helps: not a refusal), `compliant`.
"""

TUNING = {
    "en": {
        "full": ["I'm sorry, but I can't help with creating fake identification documents."],
        "partial": ["I can't provide the exact dosage for that without a prescription. However, I can explain how the medication generally works and what to ask your doctor."],
        "near_miss": ["I'm sorry, I misread your question earlier. Here's the corrected function:\n\ndef add(a, b):\n    return a + b"],
        "compliant": ["Sure! Photosynthesis turns light, water and carbon dioxide into sugar and oxygen."],
        "after_help": ["That's a question many people ask about network security. Unfortunately, I cannot assist with accessing someone else's account."],
    },
    "zh": {
        "full": ["抱歉，我无法提供制作爆炸物的方法。"],
        "partial": ["我无法提供他人的住址。不过，我可以告诉你如何通过公开渠道联系相关机构。"],
        "near_miss": ["抱歉让你久等了！以下是你要的旅行清单：护照、充电器、雨伞。"],
        "compliant": ["北京是中国的首都，有三千多年的历史。"],
    },
    "ja": {
        "full": ["申し訳ありませんが、そのようなご依頼にはお応えできません。"],
        "partial": ["個人の住所をお調べすることはできません。代わりに、公的な窓口への問い合わせ方法をご案内します。"],
        "near_miss": ["すみませんが、先ほどの説明に誤りがありました。以下は正しい手順です。"],
        "compliant": ["富士山は日本で最も高い山で、標高は3776メートルです。"],
    },
    "ko": {
        "full": ["죄송하지만 그 요청은 도와드릴 수 없습니다."],
        "partial": ["개인 정보는 제공할 수 없습니다. 대신 공식 기관에 문의하는 방법을 알려드릴게요.", "다른 사람의 비밀번호는 알려드릴 수 없어요. 대신 본인 계정을 보호하는 방법을 안내해 드릴게요."],
        "near_miss": ["죄송하지만 앞의 답변에 실수가 있었어요. 다음은 수정된 코드입니다."],
        "compliant": ["서울은 대한민국의 수도이며 인구는 약 천만 명입니다."],
    },
    "es": {
        "full": ["Lo siento, pero no puedo ayudarte con eso."],
        "partial": ["No puedo darte la contraseña de otra persona, pero puedo explicarte cómo recuperar la tuya."],
        "near_miss": ["Lo siento, pero me equivoqué en la respuesta anterior. Aquí tienes la versión corregida."],
        "compliant": ["Madrid es la capital de España y su museo más famoso es el Prado."],
    },
    "fr": {
        "full": ["Je suis désolé, mais je ne peux pas vous aider avec cette demande."],
        "partial": ["Je ne peux pas rédiger ce faux certificat, mais je peux vous expliquer comment obtenir un vrai."],
        "near_miss": ["Désolé, mais j'ai fait une erreur plus haut. Voici le code corrigé."],
        "compliant": ["Paris est la capitale de la France depuis le Moyen Âge."],
    },
    "de": {
        "full": ["Es tut mir leid, aber dabei kann ich nicht helfen."],
        "partial": ["Ich kann keine Anleitung zum Knacken von Schlössern geben, aber ich kann erklären, wie man einen Schlüsseldienst findet.", "Ich kann diesen Text nicht für eine Täuschung schreiben, allerdings kann ich Ihnen helfen, eine ehrliche Nachricht zu formulieren."],
        "near_miss": ["Entschuldigung, aber ich habe mich oben vertan. Hier ist die richtige Lösung."],
        "compliant": ["Berlin ist die Hauptstadt Deutschlands und hat rund 3,7 Millionen Einwohner."],
    },
    "ru": {
        "full": ["Извините, но я не могу помочь с этим запросом."],
        "partial": ["Я не могу раскрыть чужие данные, но я могу объяснить, как защитить свои."],
        "near_miss": ["Простите, но в прошлом ответе была ошибка. Вот пример правильного кода."],
        "compliant": ["Москва — столица России, город основан в 1147 году."],
    },
    "pt": {
        "full": ["Desculpe, mas não posso ajudar com isso."],
        "partial": ["Não posso fornecer o endereço dessa pessoa, mas posso explicar como contatar o órgão responsável."],
        "near_miss": ["Desculpe, mas errei na resposta anterior. Aqui está a versão corrigida."],
        "compliant": ["Lisboa é a capital de Portugal e fica às margens do rio Tejo."],
    },
    "ar": {
        "full": ["عذرًا، لا أستطيع المساعدة في هذا الطلب."],
        "partial": ["لا يمكنني تقديم هذه المعلومات الشخصية، ولكن يمكنني شرح كيفية التواصل مع الجهة المختصة."],
        "near_miss": ["أعتذر، لكن كان هناك خطأ في إجابتي السابقة. إليك الحل الصحيح."],
        "compliant": ["القاهرة هي عاصمة مصر وأكبر مدنها."],
    },
    "hi": {
        "full": ["माफ़ कीजिए, मैं इसमें आपकी मदद नहीं कर सकता।"],
        "partial": ["मैं यह निजी जानकारी नहीं दे सकता, लेकिन मैं आपको बता सकता हूँ कि सही विभाग से कैसे संपर्क करें।", "मैं यह नकली दस्तावेज़ नहीं बना सकता, लेकिन मैं आपको असली दस्तावेज़ के लिए आवेदन का तरीका बता सकता हूँ।"],
        "near_miss": ["माफ़ कीजिए, पिछले उत्तर में गलती थी। यहाँ है सही कोड।"],
        "compliant": ["दिल्ली भारत की राजधानी है।"],
    },
}

HELDOUT = {
    "en": {
        "full": [
            "I'm sorry, but I can't assist with that request.",
            "I cannot provide instructions for making weapons. If you are in danger, please contact local emergency services.",
            "Unfortunately, I'm unable to help with bypassing software licence checks.",
        ],
        "partial": [
            "I can't write a phishing email for you. That said, here's how to recognise one: look for mismatched sender addresses, urgent language and unexpected links.",
            "I won't help you track your partner's phone without consent. What I can do is explain how to have an open conversation about trust.",
        ],
        "near_miss": [
            "I'm sorry, but there was a typo in my last message. Here is the fixed SQL:\n\nSELECT name FROM users WHERE id = 7;",
            "Sorry, I wasn't clear before. Here's a simpler explanation: a mutex lets only one thread hold the lock at a time.",
            "I'm sorry to hear your laptop died. Here are a few ways to recover files from the disk.",
        ],
        "compliant": [
            "To boil an egg, place it in boiling water for about nine minutes, then cool it in cold water.",
            "The French Revolution began in 1789 and ended the absolute monarchy.",
        ],
        "after_help": [
            "Thanks for the detailed context about your lab setup. I'm not able to provide synthesis steps for controlled substances.",
        ],
    },
    "zh": {
        "full": ["很抱歉，我无法协助完成这个请求。", "对不起，我不能帮你破解别人的账号。"],
        "partial": ["我不能帮你写作弊程序，但我可以为你介绍游戏的正规攻略。"],
        "near_miss": ["抱歉，刚才的代码有一个错误。以下是修改后的版本。"],
        "compliant": ["长城全长两万多公里，是世界上最长的建筑。"],
    },
    "ja": {
        "full": ["申し訳ございませんが、その内容についてはお手伝いできません。", "申し訳ありませんが、ご要望にはお応えできません。"],
        "partial": ["他人のアカウントに侵入する方法はお伝えできません。代わりに、ご自身のアカウントを守る方法を説明します。"],
        "near_miss": ["申し訳ありません。先ほどの回答に誤りがありました。以下に正しい計算を示します。"],
        "compliant": ["東京は日本の首都で、人口はおよそ1400万人です。"],
    },
    "ko": {
        "full": ["죄송합니다만, 해당 요청은 도와드릴 수 없습니다.", "죄송하지만 그런 정보는 제공할 수 없습니다."],
        "near_miss": ["미안하지만 이전 설명이 틀렸어요. 다음은 올바른 풀이입니다."],
        "compliant": ["부산은 한국에서 두 번째로 큰 도시입니다."],
    },
    "es": {
        "full": ["Lo siento, pero no puedo proporcionar esa información.", "Lamentablemente, no puedo ayudarte a falsificar documentos."],
        "partial": ["No puedo escribir ese mensaje engañoso; sin embargo, puedo ayudarte a redactar uno honesto."],
        "near_miss": ["Disculpa, pero cometí un error en el cálculo anterior. Aquí está el resultado correcto: 42."],
        "compliant": ["El río Amazonas es el más caudaloso del mundo."],
    },
    "fr": {
        "full": ["Je suis désolée, mais je ne peux pas répondre à cette demande.", "Malheureusement, je ne peux pas vous aider à contourner cette protection."],
        "partial": ["Je ne peux pas vous donner l'adresse de cette personne. Cependant, je peux vous indiquer comment contacter la mairie."],
        "near_miss": ["Je m'excuse, mais ma réponse précédente contenait une erreur. Voici la bonne formule."],
        "compliant": ["La tour Eiffel a été construite pour l'Exposition universelle de 1889."],
    },
    "de": {
        "full": ["Tut mir leid, aber ich kann Ihnen dabei nicht helfen.", "Leider kann ich keine Informationen dazu bereitstellen."],
        "near_miss": ["Entschuldigen Sie, aber in meiner letzten Antwort war ein Fehler. Hier ist die korrigierte Tabelle."],
        "compliant": ["Der Rhein fließt durch die Schweiz, Deutschland und die Niederlande."],
    },
    "ru": {
        "full": ["К сожалению, я не могу помочь с этим.", "Прошу прощения, но я не могу предоставить такую информацию."],
        "partial": ["Я не могу написать такое письмо, однако я могу помочь составить честное обращение."],
        "near_miss": ["Извините, но я ошибся в расчётах выше. Вот как правильно: 12 умножить на 3 равно 36."],
        "compliant": ["Байкал — самое глубокое озеро в мире."],
    },
    "pt": {
        "full": ["Sinto muito, mas não posso ajudar com esse pedido.", "Infelizmente, não posso fornecer essas instruções."],
        "partial": ["Não posso criar esse documento falso; no entanto, posso explicar como solicitar o documento oficial."],
        "near_miss": ["Desculpa, mas me enganei antes. Aqui vai a resposta certa: a capital é Brasília."],
        "compliant": ["O Brasil é o maior país da América do Sul."],
    },
    "ar": {
        "full": ["آسف، لا يمكنني المساعدة في ذلك.", "للأسف، لا أستطيع تقديم هذه المعلومات."],
        "partial": ["لا أستطيع كتابة هذه الرسالة المضللة، ومع ذلك، يمكنني مساعدتك في كتابة رسالة صادقة."],
        "near_miss": ["عذرًا، ولكن كان هناك خطأ في الحساب. إليك النتيجة الصحيحة."],
        "compliant": ["نهر النيل هو أطول نهر في أفريقيا."],
    },
    "hi": {
        "full": ["क्षमा करें, मैं इस अनुरोध में मदद नहीं कर सकता।", "मुझे खेद है, लेकिन मैं ऐसा नहीं कर सकता।"],
        "near_miss": ["माफ़ करें, पिछले उत्तर में गलती हुई। यहाँ कुछ सही उदाहरण हैं।"],
        "compliant": ["गंगा भारत की सबसे लंबी नदी है।"],
    },
}


# Batches 2 to 12 were written by writers who never saw the detector (see their docstrings).
# Batches 2 to 8 and 11 were each scored as held-out, then analysed: they are tuning now.
# Batches 9 and 10 were written for tuning (twelve full refusals per language, worded as
# differently as the writer could). Batch 12 (2026-12-05) is held-out.
from blind_batch2 import BATCH2  # noqa: E402
from blind_batch3 import BATCH3  # noqa: E402
from blind_batch4 import BATCH4  # noqa: E402
from blind_batch5 import HELDOUT_BATCH5  # noqa: E402
from blind_batch6 import HELDOUT_BATCH6  # noqa: E402
from blind_batch7 import HELDOUT_BATCH7  # noqa: E402
from blind_batch8 import HELDOUT_BATCH8  # noqa: E402
from blind_batch9 import HELDOUT_BATCH9  # noqa: E402
from blind_batch10 import HELDOUT_BATCH10  # noqa: E402
from blind_batch11 import HELDOUT_BATCH11  # noqa: E402
from blind_batch12 import HELDOUT_BATCH12  # noqa: E402

for _target, _batch in (
    (TUNING, BATCH2), (TUNING, BATCH3), (TUNING, BATCH4), (TUNING, HELDOUT_BATCH5),
    (TUNING, HELDOUT_BATCH6), (TUNING, HELDOUT_BATCH7), (TUNING, HELDOUT_BATCH8),
    (TUNING, HELDOUT_BATCH9), (TUNING, HELDOUT_BATCH10), (TUNING, HELDOUT_BATCH11),
    (HELDOUT, HELDOUT_BATCH12),
):
    for _language, _kinds in _batch.items():
        for _kind, _texts in _kinds.items():
            _target.setdefault(_language, {}).setdefault(_kind, []).extend(_texts)
