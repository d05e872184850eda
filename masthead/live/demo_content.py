"""The demo's live coverage, written for each edition."""

# (minutes ago, key event, headline, text); newest last, as they were posted.
BLOGS = {
    "en": {
        "title": "Storm Delia: live updates as floods hit the coast",
        "slug": "storm-delia-live",
        "summary": (
            "Heavy rain and high winds are battering the coast. Follow the latest "
            "on evacuations, road closures and the emergency response."
        ),
        "entries": [
            (
                300,
                False,
                "",
                "Forecasters have raised the storm warning to red for "
                "the coastal provinces, the highest level, until tomorrow morning.",
            ),
            (
                260,
                False,
                "",
                "Schools in the three coastal districts will stay "
                "closed today, the education ministry said.",
            ),
            (
                215,
                True,
                "Evacuations ordered in low-lying areas",
                "Civil protection has ordered about 12,000 residents of low-lying "
                "neighbourhoods to leave their homes. Shelters are open in sports "
                "halls and schools.",
            ),
            (
                170,
                False,
                "",
                "The coastal highway is closed in both directions "
                "between the port and the airport because of flooding.",
            ),
            (
                120,
                False,
                "",
                "Our correspondent at the harbour reports waves "
                "breaking over the sea wall and fishing boats moved inland.",
            ),
            (
                75,
                False,
                "",
                "The national power company says about 40,000 homes are "
                "without electricity. Crews will start repairs once winds ease.",
            ),
            (
                40,
                True,
                "River breaks its banks north of the city",
                "The river has burst its banks near the northern bridge. Emergency "
                "services are evacuating two villages and asking drivers to avoid the "
                "area.",
            ),
            (
                10,
                False,
                "",
                "The prime minister will chair an emergency meeting "
                "this afternoon and is expected to speak to the press afterwards.",
            ),
        ],
    },
    "ar": {
        "title": "العاصفة ديليا: تغطية مباشرة مع اجتياح الفيضانات الساحل",
        "slug": "storm-delia-live-ar",
        "summary": (
            "أمطار غزيرة ورياح قوية تضرب المناطق الساحلية. تابعوا آخر المستجدات بشأن "
            "عمليات الإجلاء وإغلاق الطرق وجهود الطوارئ."
        ),
        "entries": [
            (
                300,
                False,
                "",
                "رفعت هيئة الأرصاد الجوية مستوى التحذير من العاصفة إلى "
                "الأحمر في المحافظات الساحلية حتى صباح الغد.",
            ),
            (
                260,
                False,
                "",
                "أعلنت وزارة التربية إغلاق المدارس في المناطق الساحلية الثلاث اليوم.",
            ),
            (
                215,
                True,
                "أوامر بإجلاء سكان المناطق المنخفضة",
                "أمرت الحماية المدنية نحو اثني عشر ألف شخص من سكان الأحياء المنخفضة "
                "بمغادرة منازلهم، وفتحت مراكز إيواء في القاعات الرياضية والمدارس.",
            ),
            (
                170,
                False,
                "",
                "أُغلق الطريق السريع الساحلي في الاتجاهين بين الميناء "
                "والمطار بسبب الفيضانات.",
            ),
            (
                120,
                False,
                "",
                "أفاد مراسلنا في الميناء بأن الأمواج تتجاوز حاجز الأمواج "
                "وأن قوارب الصيد نُقلت إلى الداخل.",
            ),
            (
                75,
                False,
                "",
                "قالت شركة الكهرباء الوطنية إن نحو أربعين ألف منزل بلا "
                "كهرباء، وإن فرق الصيانة ستبدأ الإصلاحات فور هدوء الرياح.",
            ),
            (
                40,
                True,
                "النهر يفيض شمال المدينة",
                "فاض النهر قرب الجسر الشمالي، وتعمل فرق الطوارئ على إجلاء سكان قريتين، "
                "وتطلب من السائقين تجنب المنطقة.",
            ),
            (
                10,
                False,
                "",
                "يترأس رئيس الوزراء اجتماعًا طارئًا بعد الظهر، ومن "
                "المتوقع أن يتحدث إلى الصحفيين بعده.",
            ),
        ],
    },
    "es": {
        "title": "Tormenta Delia: última hora de las inundaciones en la costa",
        "slug": "tormenta-delia-directo",
        "summary": (
            "Lluvias intensas y fuertes vientos azotan la costa. Siga las novedades "
            "sobre evacuaciones, cortes de carreteras y la respuesta de emergencia."
        ),
        "entries": [
            (
                300,
                False,
                "",
                "Los meteorólogos han elevado al rojo, el nivel máximo, "
                "el aviso por tormenta en las provincias costeras hasta mañana.",
            ),
            (
                260,
                False,
                "",
                "Los colegios de los tres distritos costeros "
                "permanecerán cerrados hoy, según el Ministerio de Educación.",
            ),
            (
                215,
                True,
                "Ordenan evacuar las zonas bajas",
                "Protección Civil ha ordenado a unos 12.000 vecinos de los barrios "
                "bajos que abandonen sus casas. Hay albergues abiertos en "
                "polideportivos y colegios.",
            ),
            (
                170,
                False,
                "",
                "La autovía de la costa está cortada en ambos sentidos "
                "entre el puerto y el aeropuerto por las inundaciones.",
            ),
            (
                120,
                False,
                "",
                "Nuestro corresponsal en el puerto informa de olas que "
                "superan el espigón y de barcos de pesca trasladados tierra adentro.",
            ),
            (
                75,
                False,
                "",
                "La compañía eléctrica nacional calcula que unos 40.000 "
                "hogares siguen sin luz. Las reparaciones empezarán cuando amaine el "
                "viento.",
            ),
            (
                40,
                True,
                "El río se desborda al norte de la ciudad",
                "El río se ha desbordado junto al puente norte. Los servicios de "
                "emergencia evacúan dos pueblos y piden a los conductores que "
                "eviten la zona.",
            ),
            (
                10,
                False,
                "",
                "El primer ministro presidirá esta tarde una reunión de "
                "urgencia y se espera que comparezca ante la prensa después.",
            ),
        ],
    },
}

CHANNELS = {
    "en": {
        "title": "Live",
        "intro": "Our news channel, live: bulletins, interviews and analysis.",
        "programmes": [
            (0, 6, "Overnight news", "Headlines every half hour through the night."),
            (6, 10, "Morning edition", "The day's first bulletins and the papers."),
            (10, 13, "Newsroom live", "Rolling news from our correspondents."),
            (13, 14, "The interview", "One guest, thirty minutes, the day's issue."),
            (14, 18, "Afternoon bulletin", "News, business and weather."),
            (18, 20, "The world tonight", "The evening's main stories in depth."),
            (20, 22, "Inside story", "Analysis of one story with expert guests."),
            (22, 24, "Late news", "The day in review."),
        ],
    },
    "ar": {
        "title": "البث المباشر",
        "intro": "قناتنا الإخبارية على الهواء مباشرة: نشرات ومقابلات وتحليلات.",
        "programmes": [
            (0, 6, "أخبار الليل", "عناوين الأخبار كل نصف ساعة طوال الليل."),
            (6, 10, "صباح الخير", "أولى نشرات اليوم وجولة في الصحف."),
            (10, 13, "غرفة الأخبار", "تغطية متواصلة من مراسلينا."),
            (13, 14, "المقابلة", "ضيف واحد وثلاثون دقيقة حول قضية اليوم."),
            (14, 18, "نشرة الظهيرة", "الأخبار والاقتصاد والطقس."),
            (18, 20, "العالم الليلة", "أبرز قصص المساء بالتفصيل."),
            (20, 22, "ما وراء الخبر", "تحليل قصة واحدة مع خبراء."),
            (22, 24, "الحصاد", "حصيلة اليوم."),
        ],
    },
    "es": {
        "title": "En directo",
        "intro": "Nuestro canal de noticias en directo: boletines, entrevistas y "
        "análisis.",
        "programmes": [
            (0, 6, "Noticias de madrugada", "Titulares cada media hora."),
            (6, 10, "Primera edición", "Los primeros boletines y la prensa del día."),
            (10, 13, "Redacción en directo", "Información continua de corresponsales."),
            (13, 14, "La entrevista", "Un invitado, treinta minutos, el tema del día."),
            (14, 18, "Boletín de la tarde", "Noticias, economía y el tiempo."),
            (18, 20, "El mundo esta noche", "Las historias de la tarde a fondo."),
            (20, 22, "En profundidad", "Análisis de una noticia con expertos."),
            (22, 24, "Última hora", "Resumen del día."),
        ],
    },
}
