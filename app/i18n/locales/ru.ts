import type { Catalog } from "../i18n.ts";

/** Интерфейс по-русски (термины Kubernetes и вывод kubectl остаются как есть). */
const ru: Catalog = {
  "app.dismiss": "Закрыть сообщение",
  "app.language": "Язык",
  "app.lightTheme": "Светлая тема",
  "app.resetCluster": "Сбросить кластер",
  "app.resetConfirm": "Удалить всё в симулируемом кластере и начать с чистого?",

  "layout.resizeLesson": "Изменить ширину панели курса",
  "layout.resizeEditor": "Изменить размеры редактора и вида кластера",
  "layout.resizeTerminal": "Изменить высоту терминала",
  "layout.splitterHint": "Перетащите или используйте стрелки; двойной щелчок — размер по умолчанию",

  "notice.restoreFailed":
    "Сохранённый кластер не удалось восстановить ({error}); это новый кластер.",
  "notice.simulationStopped": "Симуляция остановлена: {message}",
  "notice.historyTooLong":
    "История кластера слишком длинная, чтобы её хранить: после перезагрузки страницы она не сохранится.",

  "clock.label": "Виртуальные часы",
  "clock.nowTitle": "Виртуальное время симулируемого кластера",
  "clock.since": "{elapsed} с начала",
  "clock.pauseLabel": "Остановить виртуальное время",
  "clock.playLabel": "Запустить виртуальное время",
  "clock.pauseTitle": "Пауза (Пробел)",
  "clock.playTitle": "Пуск (Пробел)",
  "clock.pause": "Пауза",
  "clock.play": "Пуск",
  "clock.speed": "Скорость",
  "clock.speedTitle": "Виртуальное время идёт в {speed}× быстрее реального",
  "clock.next": "След. событие",
  "clock.nextTitle": "Поставить на паузу и перейти к следующему запланированному событию (→)",
  "clock.noneScheduled": "ничего не запланировано",

  "editor.label": "Редактор манифестов",
  "editor.files": "Файлы редактора",
  "editor.fileTitle": "kubectl apply -f {file} применяет этот файл",
  "editor.complete": "дополнить",
  "editor.apply": "применить",
  "editor.applyButton": "Применить",
  "editor.loading": "Загрузка редактора…",
  "editor.ariaLabel": "Манифест Kubernetes (YAML)",
  "editor.applyAction": "Применить манифест к кластеру",
  "editor.notApplied": "Пока ничего не применено.",

  "cluster.label": "Кластер",
  "cluster.counts":
    "CronJob: {cronjobs} · Job: {jobs} · Pod: {pods} · {nodes, plural, one {# узел} few {# узла} many {# узлов} other {# узла}}",
  "cluster.empty": "Нагрузок пока нет.",
  "cluster.emptyHow1": "Напишите Job в редакторе и нажмите",
  "cluster.emptyHow2": " или выполните",
  "cluster.emptyHow3": "в терминале.",
  "cluster.cronJobLabel": "CronJob {name}",
  "cluster.schedule": "расписание",
  "cluster.suspended": "Приостановлен",
  "cluster.cronJobMeta": "активных {active} · последний запуск {last}",
  "cluster.never": "никогда",
  "cluster.noJobs": "Job-ов пока нет.",
  "cluster.barePods": "Pod-ы без Job",
  "cluster.notOwned": "не принадлежат ни одному Job",

  "job.label": "Job {name}",
  "job.failedTitle":
    "{failed, plural, one {# неудачный pod} few {# неудачных pod-а} many {# неудачных pod-ов} other {# неудачного pod-а}}; Job завершается неудачей, когда неудач больше backoffLimit ({limit})",
  "job.progress": "{name}: выполнено {done} из {target}",
  "job.pods": "Pod-ы job {name}",
  "job.noPods": "Pod-ов нет.",
  "job.noPodsYet": "Pod-ов пока нет.",

  "pod.summary":
    "Pod {name}: {status}, {restarts, plural, one {# перезапуск} few {# перезапуска} many {# перезапусков} other {# перезапуска}}, узел {node}, возраст {age}",
  "pod.summaryShort":
    "Pod {name}: {status}, {restarts, plural, one {# перезапуск} few {# перезапуска} many {# перезапусков} other {# перезапуска}}, узел {node}",
  "pod.noNode": "нет",
  "pod.restarts": "Перезапуски",
  "pod.unscheduled": "не назначен",
  "pod.byStatus": "Pod-ы по статусу",

  "events.title": "События",
  "events.recent": "Последние события, новые сверху",

  "terminal.label": "Терминал",
  "terminal.starting": "Запуск терминала…",
  "terminal.banner":
    "Терминал {app} · kubectl работает с симулируемым кластером · введите {help}, чтобы увидеть команды",
  "terminal.editOpened":
    "{ref} открыт в редакторе, вкладка {file}: «Применить» сохраняет изменения, закрытие вкладки отменяет их.",

  "lesson.panel": "Уроки",
  "lesson.course": "Курс",
  "lesson.contents": "Оглавление",
  "lesson.open": "Показать курс",
  "lesson.close": "Скрыть курс",
  "lesson.loading": "Загрузка курса…",
  "lesson.loadFailed": "Не удалось загрузить курс.",
  "lesson.retry": "Повторить",
  "lesson.packChoice": "Набор упражнений",
  "lesson.badPackName":
    "«{pack}» — не имя набора: имя набора состоит из строчных латинских букв, цифр и дефисов (например, ?pack=example).",
  "lesson.packProblems":
    "В наборе «{pack}» {n, plural, one {# проблема} few {# проблемы} many {# проблем} other {# проблемы}} (на английском, для автора набора):",
  "lesson.moreProblems": "…и ещё {n}.",
  "lesson.packUnreachable": "Не удалось загрузить набор «{pack}»:",
  "lesson.forInstructors": "Для преподавателей: как писать наборы",
  "lesson.closeDoc": "Закрыть",
  "lesson.docInEnglish": "Эта страница есть только на английском.",
  "lesson.docLoading": "Загрузка…",
  "lesson.docFailed": "Не удалось загрузить страницу.",
  "lesson.modeSandbox": "Песочница",
  "lesson.modeExercise": "Упражнение",
  "lesson.sandbox": "Свободная песочница",
  "lesson.sandboxHint": "Пустой кластер только для вас, без целей.",
  "lesson.courseProgress": "Прогресс по курсу",
  "lesson.doneOf": "выполнено {done} из {total}",
  "lesson.doneTag": "(выполнено)",
  "lesson.draft": "черновик",
  "lesson.solutionSeen": "решение",
  "lesson.solutionSeenTitle": "Вы воспроизвели решение этого упражнения",
  "lesson.chapterCrumb": "{chapter} · {title} · {n}/{total}",
  "lesson.goals": "Цели",
  "lesson.goalsMet": "достигнуто {met}/{total}",
  "lesson.goalMet": "достигнута",
  "lesson.goalUnmet": "ещё не достигнута",
  "lesson.expected": "Ожидалось",
  "lesson.found": "Найдено",
  "lesson.hints": "Подсказки",
  "lesson.showHint": "Показать подсказку",
  "lesson.nextHint": "Показать подсказку {n} из {total}",
  "lesson.showSolution": "Показать решение…",
  "lesson.solutionConfirm":
    "Воспроизвести эталонное решение? Упражнение начнётся заново с исходного состояния, а файлы решения заменят ваши в редакторе.",
  "lesson.solutionYes": "Воспроизвести решение",
  "lesson.cancel": "Отмена",
  "lesson.solutionStep": "Воспроизведение решения: шаг {step} из {total}",
  "lesson.stop": "Остановить",
  "lesson.reset": "Начать заново",
  "lesson.resetTitle": "Начать упражнение сначала: исходное состояние и исходные файлы",
  "lesson.solved": "Все цели достигнуты",
  "lesson.learned": "Что вы узнали",
  "lesson.nextExercise": "Следующее упражнение",
  "lesson.exerciseNav": "Упражнения",
  "lesson.previous": "Назад",
  "lesson.next": "Далее",
  "lesson.runInTerminal": "Выполнить в терминале",
  "lesson.runCommand": "Выполнить {command} в терминале",

  "progress.title": "Ваш прогресс",
  "progress.export": "Экспорт прогресса",
  "progress.import": "Импорт прогресса…",
  "progress.imported":
    "Прогресс импортирован: {done, plural, one {выполнено # упражнение} few {выполнено # упражнения} many {выполнено # упражнений} other {выполнено # упражнения}}.",
  "progress.importFailed": "Файл не импортирован: {reason}",
  "progress.error.tooLarge": "он слишком велик для файла прогресса.",
  "progress.error.notJson": "это не JSON.",
  "progress.error.notProgress": "это не файл прогресса Batch Lab.",
  "progress.error.version": "это файл прогресса другой версии ({version}).",
  "progress.error.otherPack": "в нём прогресс по другому курсу ({pack}).",
  "progress.error.badEntry": "запись упражнения «{exercise}» повреждена.",

  "travel.label": "Путешествие во времени",
  "travel.undo": "Отменить",
  "travel.undoTitle":
    "Отменить последнее изменение (всё, что было до него, воспроизводится заново)",
  "travel.redo": "Повторить",
  "travel.redoTitle": "Вернуть отменённое",
  "travel.rewindLabel": "Вернуться к началу",
  "travel.rewindTitle": "Назад к началу, до любых действий (Повторить вернёт всё обратно)",
  "travel.start": "Начало",
  "travel.jump": "Перейти",
  "travel.jumpTitle": "Перемотать виртуальное время к следующему…",
  "travel.jumpEvent": "Следующее событие",
  "travel.jumpEventTitle": "Следующее запланированное событие (→)",
  "travel.jumpExit": "Следующее завершение Pod",
  "travel.jumpExitTitle": "Идти, пока не завершится контейнер",
  "travel.jumpBackoff": "Следующее окончание back-off",
  "travel.jumpBackoffTitle": "Когда закончится текущий back-off",
  "travel.jumpCron": "Следующий запуск по cron",
  "travel.jumpCronTitle": "Перейти к следующему запуску CronJob",
  "events.filterLabel": "Фильтр событий",
  "events.filterPlaceholder": "фильтр: причина, объект, сообщение",
  "events.typeLabel": "Тип события",
  "events.allTypes": "все типы",
  "events.shown": "показано: {count} · как",

  "files.newTitle": "Новый файл из шаблона",
  "files.new": "+ Создать",
  "files.renameLabel": "Новое имя для {name}",
  "files.tabTitle": "kubectl apply -f {name} применяет этот файл · двойной щелчок — переименовать",
  "files.close": "Закрыть {name}",
  "files.closeConfirm": "Закрыть {name}? Его текст будет удалён.",
  "files.editCloseConfirm":
    "Закрыть {name}? Редактирование будет отменено, а ваши изменения потеряны.",
  "files.editRename":
    "В этой вкладке идёт kubectl edit: «Применить» сохраняет его, закрытие вкладки отменяет редактирование.",
  "files.badName":
    "Используйте буквы, цифры, «.», «-» или «_» и окончание .yaml или .yml (без пробелов и косых черт).",
  "files.exists": "Файл {name} уже существует.",
  "template.job": "Job",
  "template.parallel-job": "Параллельный Job",
  "template.indexed-job": "Индексированный Job",
  "template.work-queue-job": "Job с очередью задач",
  "template.cronjob": "CronJob",
  "template.pod": "Pod",
  "template.secret": "Secret",
  "template.empty": "Пустой файл",
  "editor.format": "Форматировать",
  "editor.formatTitle": "Отформатировать документ (Shift+Alt+F)",
  "editor.diff": "Diff",
  "editor.diffTitle": "Сравнить с объектами в кластере перед применением (kubectl diff)",
  "diff.label": "Diff {file} с кластером",
  "diff.sides": "сейчас (слева) · после применения (справа)",
  "diff.new": "будет создан",
  "diff.changed": "будет изменён",
  "diff.unchanged": "без изменений",
  "diff.error": "будет отклонён",
  "diff.loading": "Загрузка…",
  "diff.close": "Закрыть",
  "cron.label": "Предпросмотр расписания",
  "cron.nextRuns": "Ближайшие запуски ({zone})",
  "cron.yourTime": "Ваше время ({zone})",
  "cron.hintNext": "{description} — далее {runs}",
  "cron.warn.domDowOr":
    "Ограничены и день месяца ({dom}), и день недели ({dow}), поэтому расписание срабатывает в каждый день, подходящий под любое из условий, а не только в дни, подходящие под оба.",
  "cron.warn.never":
    "Это расписание никогда не срабатывает: ни одна дата в ближайшие 5 лет не подходит. Kubernetes принимает его, затем сообщает InvalidSchedule и не создаёт ни одного Job.",
  "cron.warn.dstSkip":
    "{day} часы в {zone} переводятся с {from} на {to}: {times} в этот день не существует, поэтому {count, plural, =1 {этот запуск пропускается} other {эти запуски пропускаются}}.",
  "cron.warn.dstRepeat":
    "{day} часы в {zone} переводятся назад с {from} на {to}: {times} наступает дважды, и расписание срабатывает оба раза.",
  "cron.warn.dstShiftEarlier":
    "{day} часы в {zone} меняются с {from} на {to}: запуски сохраняют местное время, поэтому происходят на {hours, plural, one {# час} few {# часа} many {# часов} other {# часа}} раньше по UTC.",
  "cron.warn.dstShiftLater":
    "{day} часы в {zone} меняются с {from} на {to}: запуски сохраняют местное время, поэтому происходят на {hours, plural, one {# час} few {# часа} many {# часов} other {# часа}} позже по UTC.",
  "cron.warn.everySubMinute":
    "@every {seconds}s срабатывает чаще раза в минуту, но имена Job содержат минуту, поэтому CronJob создаёт не больше одного Job в минуту.",
  "cron.warn.everyIgnoresTimeZone":
    "@every отсчитывает фиксированный интервал от последнего запуска: часовой пояс (и летнее время) на него не влияет.",

  "cluster.views": "Вид",
  "cluster.viewCanvas": "Схема",
  "cluster.viewTable": "Таблица",
  "cluster.viewTimeline": "Хронология",
  "cluster.pastBanner":
    "Кластер показан таким, каким он был в выбранный момент, — тем временем он продолжает работать.",
  "nodes.label": "Узлы",
  "nodes.title":
    "{name}: {state}, {count, plural, one {# активный Pod} few {# активных Pod} many {# активных Pod} other {# активного Pod}} — нажмите, чтобы изучить узел или пометить его NotReady",
  "nodes.slowTitle":
    "Детерминированный сбой: загрузка образов идёт в 10 раз дольше (lab fault slow-pulls)",
  "nodes.slow": "медленные pull",
  "tick.created": "создан",
  "tick.skipped": "пропущен (Forbid)",
  "tick.replaced": "заменён",
  "tick.missed": "упущен",
  "tick.next": "следующий",
  "tick.label": "Запуски {name}",

  "table.name": "Имя",
  "table.schedule": "Расписание",
  "table.suspend": "Приостановлен",
  "table.active": "Активные",
  "table.lastSchedule": "Последний запуск",
  "table.status": "Статус",
  "table.completions": "Завершения",
  "table.failed": "Сбои / backoffLimit",
  "table.restarts": "Перезапуски",
  "table.node": "Узел",
  "table.index": "Индекс",
  "table.age": "Возраст",

  "seg.scheduling": "планирование",
  "seg.creating": "создание",
  "seg.pull": "pull",
  "seg.running": "работает",
  "seg.crashloop": "back-off",
  "seg.waiting-error": "ожидание",
  "seg.terminating": "завершение",
  "seg.succeeded": "завершён",
  "seg.failed": "сбой",
  "state.scheduling": "планирование",
  "state.creating": "создание",
  "state.pull": "pull",
  "state.running": "работает",
  "state.crashloop": "back-off",
  "state.waiting-error": "ожидание",
  "state.terminating": "завершение",
  "state.succeeded": "завершён",
  "state.failed": "сбой",
  "gantt.backoff": "back-off {seconds} с",
  "gantt.deleted": "удалён",
  "gantt.restart": "перезапуск {count}",
  "gantt.exit": "выход {code}",
  "gantt.exitKilled": "выход {code} (убит)",
  "gantt.ttlDeletion": "удаление по TTL",
  "gantt.jobDeleted": "Job удалён",
  "gantt.pull": "pull",
  "grid.unscheduled": "не назначен",
  "grid.capped":
    "Показаны {shown} самых новых Pod-ов из {count}; в легенде учтены все, в таблице перечислены все.",
  "timeline.markAt": "{label} в {time}",
  "timeline.exit": ", код выхода {code}",
  "timeline.restarts":
    ", {count, plural, one {# перезапуск} few {# перезапуска} many {# перезапусков} other {# перезапуска}}",
  "timeline.waited": ", ожидание {gap}",
  "timeline.gapTitle": "{gap}: контроллер Job выждал, прежде чем создать этот Pod",
  "timeline.pendingTitle": "{gap}: ни одного Pod до {time}",
  "timeline.jobPods": "Pod-ы Job {name} во времени",
  "timeline.scrubLabel": "Показать кластер на момент",
  "timeline.previewing": "Просмотр {time} — вернуться к текущему",
  "timeline.hint":
    "{count, plural, one {# Pod} few {# Pod-а} many {# Pod-ов} other {# Pod-а}} · потяните, чтобы посмотреть прошлое",
  "timeline.hiddenJobs":
    "{count, plural, one {# более ранний Job не показан} few {# более ранних Job не показаны} many {# более ранних Job не показаны} other {# более ранних Job не показаны}}",
  "timeline.hiddenRows":
    "{count, plural, one {# более ранний Pod не показан} few {# более ранних Pod-а не показаны} many {# более ранних Pod-ов не показаны} other {# более ранних Pod-а не показаны}} (в таблице есть все Pod-ы)",
  "timeline.tickTitle": "{time} {kind}",
  "timeline.nextTick": "следующий запуск {time}",

  "insp.copied": "Скопировано",
  "insp.copy": "Копировать: {what}",
  "insp.nothing": "(пусто)",
  "insp.docs": "Документация Kubernetes: {field}",
  "insp.faults": "Внести сбой",
  "insp.deletePod": "Удалить Pod",
  "insp.killPod": "Убить контейнеры (exit 137)",
  "insp.nextRuns1": "следующих запусков:",
  "insp.nextRuns2": "шт.",
  "insp.exit": "код выхода",
  "insp.makeFail": "Завершить их с ошибкой",
  "insp.markNotReady": "Пометить NotReady",
  "insp.markReady": "Пометить Ready",
  "insp.nodeNote":
    "Упрощение: узел сразу помечается NotReady (настоящий кластер ждёт около 40 с пропущенных heartbeat), а выселение по-прежнему выполняет его kubelet; Pod-ы выселяются по истечении tolerationSeconds (по умолчанию 300 с).",
  "insp.label": "Инспектор: {kind} {name}",
  "insp.gone": "удалён",
  "insp.close": "Закрыть инспектор",
  "insp.views": "Представления",
  "insp.tabWhy": "Почему",
  "insp.tabYaml": "YAML",
  "insp.tabDescribe": "Describe",
  "insp.tabLogs": "Логи",
  "insp.tabEvents": "События",
  "insp.nowNote":
    "YAML, describe, логи и события показывают кластер сейчас, а не в просматриваемый момент.",
  "insp.noLonger": "Объект больше не существует.",
  "insp.container": "контейнер",
  "insp.previous": "предыдущий запуск",
  "insp.outYaml": "YAML",
  "insp.outDescribe": "вывод describe",
  "insp.outLogs": "логи",
  "insp.outEvents": "события",

  "editor.problems": "Проблемы",
  "editor.severity.error": "ошибка",
  "editor.severity.warning": "предупреждение",
  "editor.severity.info": "информация",
  "editor.where": "Стр. {line}, стлб. {column}",
  "job.inspectTitle": "Почему он так себя ведёт? Посмотреть YAML, describe, события, сбои",
  "pod.indexTitle": "индекс завершения",
  "pod.onNode": "Pod-ы на {node}",
  "pod.gridOnNode": "{label} на {node}",
  "why.job.backoffOnFailure":
    "перезапуски контейнера достигли backoffLimit {limit} (restartPolicy OnFailure): Job завершился неудачей (BackoffLimitExceeded)",
  "why.job.backoffExceeded":
    "{failed, plural, one {# неудача} few {# неудачи} many {# неудач} other {# неудачи}} > backoffLimit {limit}: Job завершился неудачей (BackoffLimitExceeded)",
  "why.job.deadlineExceeded":
    "активен дольше activeDeadlineSeconds {deadline}: Job завершился неудачей (DeadlineExceeded)",
  "why.job.complete": "успешно {succeeded} = completions {completions}: Job выполнен",
  "why.job.completeQueue":
    "один Pod завершился успешно и активных нет (completions не задан): Job выполнен",
  "why.job.podFailurePolicy": "{message}: Job завершился неудачей",
  "why.job.condition": "{type}: {reason} — {message}",
  "why.job.waitTerminating":
    "ожидание завершения {count, plural, one {# останавливающегося Pod} few {# останавливающихся Pod-ов} many {# останавливающихся Pod-ов} other {# останавливающегося Pod}} перед итоговым условием",
  "why.job.failedStay":
    "{count, plural, one {# неудачный Pod остаётся} few {# неудачных Pod-а остаются} many {# неудачных Pod-ов остаются} other {# неудачного Pod-а остаются}} ради логов",
  "why.job.ttl": "ttlSecondsAfterFinished {ttl}: будет удалён вместе с Pod-ами через {seconds} с",
  "why.job.suspended":
    "suspend: true — Pod-ы не запускаются; при возобновлении отсчёт срока начинается заново",
  "why.job.queueDone":
    "один Pod завершился успешно (очередь задач, completions не задан): новых Pod нет; Job завершится, когда закончатся {active, plural, one {# активный Pod} few {# активных Pod-а} many {# активных Pod-ов} other {# активного Pod-а}}",
  "why.job.enoughParallelism":
    "активно {active, plural, one {# Pod} few {# Pod-а} many {# Pod-ов} other {# Pod-а}} = parallelism {parallelism}: новых Pod нет",
  "why.job.enoughCompletions":
    "активно {active, plural, one {# Pod} few {# Pod-а} many {# Pod-ов} other {# Pod-а}} = completions {completions} − успешно {succeeded} = {remaining}: новых Pod нет",
  "why.job.backoff":
    "следующий Pod разрешён через {seconds} с (back-off {delay} с после {failures, plural, one {# неудачи} few {# неудач} many {# неудач} other {# неудачи}})",
  "why.job.createParallelism":
    "активно {active} < parallelism {parallelism}: создаётся {count, plural, one {# Pod} few {# Pod-а} many {# Pod-ов} other {# Pod-а}}",
  "why.job.createCompletions":
    "активно {active} < completions {completions} − успешно {succeeded} = {remaining}: создаётся {count, plural, one {# Pod} few {# Pod-а} many {# Pod-ов} other {# Pod-а}}",
  "why.job.progress": "успешно {succeeded} из completions {completions}",
  "why.job.progressIndexed": "успешно {succeeded} из completions {completions} (индексы {indexes})",
  "why.job.progressIndexedNone": "успешно {succeeded} из completions {completions} (индексов нет)",
  "why.job.uncounted":
    "{count, plural, one {# завершённый Pod ещё не учтён} few {# завершённых Pod-а ещё не учтены} many {# завершённых Pod-ов ещё не учтены} other {# завершённого Pod-а ещё не учтены}}: контроллер синхронизируется через 1 с после изменения Pod",
  "why.job.restarts":
    "{restarts, plural, one {# перезапуск контейнера} few {# перезапуска контейнера} many {# перезапусков контейнера} other {# перезапуска контейнера}}; backoffLimit {limit}: Job завершится неудачей, когда перезапусков станет {reach} (restartPolicy OnFailure)",
  "why.job.failures":
    "{failed, plural, one {# неудача} few {# неудачи} many {# неудач} other {# неудачи}} ≤ backoffLimit {limit}: ещё {left, plural, one {# неудача} few {# неудачи} many {# неудач} other {# неудачи}} — и Job завершится неудачей",
  "why.job.noFailures": "неудач пока нет; backoffLimit {limit}",
  "why.job.crashLoop":
    "Pod {pod} перезапустит контейнер через {seconds} с (CrashLoopBackOff {delay} с после {restarts, plural, one {# перезапуска} few {# перезапусков} many {# перезапусков} other {# перезапуска}})",
  "why.job.imagePull":
    "Pod {pod} застрял в {reason}: сам он никогда не завершится неудачей — его остановит только activeDeadlineSeconds или удаление",
  "why.job.deadline":
    "activeDeadlineSeconds {deadline}: Job завершится неудачей через {seconds} с, если не успеет",
  "why.cron.suspended":
    "suspend: true — Job-ы не создаются; при возобновлении запустится только последний пропущенный запуск",
  "why.cron.next": "следующий запуск {time} {zone} (через {seconds} с): создаёт Job",
  "why.cron.nextForbid":
    "следующий запуск {time} {zone} (через {seconds} с): будет пропущен, если Job {job} ещё активен (concurrencyPolicy Forbid)",
  "why.cron.nextReplace":
    "следующий запуск {time} {zone} (через {seconds} с): удаляет Job {job} и создаёт новый (concurrencyPolicy Replace)",
  "why.cron.skipped": "запуск {time} пропущен: concurrencyPolicy Forbid, а Job {job} ещё активен",
  "why.cron.skippedPrevious":
    "запуск {time} пропущен: concurrencyPolicy Forbid, а предыдущий Job ещё активен",
  "why.cron.replaced":
    "запуск {time}: ещё работающий Job удалён и создан {job} (concurrencyPolicy Replace)",
  "why.cron.missedSuspended": "запуск {time} упущен: CronJob приостановлен",
  "why.cron.missedDeadline":
    "запуск {time} упущен: не начался в пределах startingDeadlineSeconds {deadline}",
  "why.cron.missed": "запуск {time} упущен",
  "why.cron.created": "запуск {time}: создан Job {job}",
  "why.cron.active":
    "{count, plural, one {# активный Job} few {# активных Job-а} many {# активных Job-ов} other {# активного Job-а}} ({names}); concurrencyPolicy {policy}",
  "why.cron.history":
    "история: хранит {keepOk} успешных (сейчас {hasOk}) и {keepFailed} неудачных (сейчас {hasFailed}); более старые удаляются",
  "why.cron.startingDeadline":
    "startingDeadlineSeconds {deadline}: запуск, не начавшийся в этот срок, молча пропускается",
};

export default ru;
