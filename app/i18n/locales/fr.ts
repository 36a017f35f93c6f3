import type { Catalog } from "../i18n.ts";

/** L'interface en français (les termes Kubernetes et la sortie de kubectl restent tels quels). */
const fr: Catalog = {
  "app.dismiss": "Fermer le message",
  "app.language": "Langue",
  "app.lightTheme": "Thème clair",
  "app.resetCluster": "Vider le cluster",
  "app.resetConfirm": "Tout supprimer dans le cluster simulé et repartir d'un cluster neuf ?",

  "layout.resizeLesson": "Redimensionner le panneau du cours",
  "layout.resizeEditor": "Redimensionner l'éditeur et la vue du cluster",
  "layout.resizeTerminal": "Redimensionner le terminal",
  "layout.splitterHint":
    "Faites glisser, ou utilisez les flèches ; double-clic pour la taille par défaut",

  "notice.restoreFailed":
    "Le cluster enregistré n'a pas pu être restauré ({error}) ; voici un cluster neuf.",
  "notice.simulationStopped": "La simulation s'est arrêtée : {message}",
  "notice.historyTooLong":
    "L'historique du cluster est trop long pour être conservé : il ne survivra pas à un rechargement.",

  "clock.label": "Horloge virtuelle",
  "clock.nowTitle": "Heure virtuelle du cluster simulé",
  "clock.since": "{elapsed} depuis le début",
  "clock.pauseLabel": "Mettre le temps virtuel en pause",
  "clock.playLabel": "Faire avancer le temps virtuel",
  "clock.pauseTitle": "Pause (Espace)",
  "clock.playTitle": "Lecture (Espace)",
  "clock.pause": "Pause",
  "clock.play": "Lecture",
  "clock.speed": "Vitesse",
  "clock.speedTitle": "Le temps virtuel s'écoule {speed}× plus vite que le temps réel",
  "clock.next": "Événement suivant",
  "clock.nextTitle": "Mettre en pause et sauter au prochain événement prévu (→)",
  "clock.noneScheduled": "aucun prévu",

  "editor.label": "Éditeur de manifestes",
  "editor.files": "Fichiers de l'éditeur",
  "editor.fileTitle": "kubectl apply -f {file} applique ce fichier",
  "editor.complete": "compléter",
  "editor.apply": "appliquer",
  "editor.applyButton": "Appliquer",
  "editor.loading": "Chargement de l'éditeur…",
  "editor.ariaLabel": "Manifeste Kubernetes (YAML)",
  "editor.applyAction": "Appliquer le manifeste au cluster",
  "editor.notApplied": "Rien d'appliqué pour l'instant.",

  "cluster.label": "Cluster",
  "cluster.counts":
    "{cronjobs, plural, one {# CronJob} other {# CronJobs}} · {jobs, plural, one {# Job} other {# Jobs}} · {pods, plural, one {# Pod} other {# Pods}} · {nodes, plural, one {# nœud} other {# nœuds}}",
  "cluster.empty": "Aucune charge de travail pour l'instant.",
  "cluster.emptyHow1": "Écrivez un Job dans l'éditeur et cliquez sur",
  "cluster.emptyHow2": ", ou lancez",
  "cluster.emptyHow3": "dans le terminal.",
  "cluster.cronJobLabel": "CronJob {name}",
  "cluster.schedule": "planification",
  "cluster.suspended": "Suspendu",
  "cluster.cronJobMeta": "actifs {active} · dernière planification {last}",
  "cluster.never": "jamais",
  "cluster.noJobs": "Aucun Job pour l'instant.",
  "cluster.barePods": "Pods sans Job",
  "cluster.notOwned": "n'appartenant à aucun Job",

  "job.label": "Job {name}",
  "job.failedTitle":
    "{failed, plural, one {# pod en échec} other {# pods en échec}} ; le Job échoue dès que plus de backoffLimit ({limit}) ont échoué",
  "job.progress": "{name} : {done} complétions sur {target}",
  "job.pods": "Pods du job {name}",
  "job.noPods": "Aucun pod.",
  "job.noPodsYet": "Pas encore de pod.",

  "pod.summary":
    "Pod {name} : {status}, {restarts, plural, one {# redémarrage} other {# redémarrages}}, nœud {node}, âge {age}",
  "pod.summaryShort":
    "Pod {name} : {status}, {restarts, plural, one {# redémarrage} other {# redémarrages}}, nœud {node}",
  "pod.noNode": "aucun",
  "pod.restarts": "Redémarrages",
  "pod.unscheduled": "non placé",
  "pod.byStatus": "Pods par statut",

  "events.title": "Événements",
  "events.recent": "Événements récents, du plus récent au plus ancien",

  "terminal.label": "Terminal",
  "terminal.starting": "Démarrage du terminal…",
  "terminal.banner":
    "Terminal {app} · kubectl parle au cluster simulé · tapez {help} pour la liste des commandes",
  "terminal.editOpened":
    "Modification de {ref} dans l'onglet {file} : Appliquer l'enregistre, fermer l'onglet annule la modification.",

  "lesson.panel": "Leçons",
  "lesson.course": "Cours",
  "lesson.contents": "Sommaire",
  "lesson.open": "Afficher le cours",
  "lesson.close": "Masquer le cours",
  "lesson.loading": "Chargement du cours…",
  "lesson.loadFailed": "Le cours n'a pas pu être chargé.",
  "lesson.retry": "Réessayer",
  "lesson.packChoice": "Pack d'exercices",
  "lesson.badPackName":
    "« {pack} » n'est pas un nom de pack : un pack se nomme avec des minuscules, des chiffres et des tirets (par exemple ?pack=example).",
  "lesson.packProblems":
    "Le pack « {pack} » a {n, plural, one {# problème} other {# problèmes}} (listés en anglais, pour son auteur) :",
  "lesson.moreProblems": "…et {n} de plus.",
  "lesson.packUnreachable": "Le pack « {pack} » n'a pas pu être téléchargé :",
  "lesson.forInstructors": "Pour les formateurs : écrire des packs",
  "lesson.closeDoc": "Fermer",
  "lesson.docInEnglish": "Cette page n'existe qu'en anglais.",
  "lesson.docLoading": "Chargement…",
  "lesson.docFailed": "La page n'a pas pu être chargée.",
  "lesson.modeSandbox": "Bac à sable",
  "lesson.modeExercise": "Exercice",
  "lesson.sandbox": "Bac à sable libre",
  "lesson.sandboxHint": "Un cluster vide rien qu'à vous, sans objectifs.",
  "lesson.courseProgress": "Progression dans le cours",
  "lesson.doneOf": "{done} sur {total} terminés",
  "lesson.doneTag": "(terminé)",
  "lesson.draft": "brouillon",
  "lesson.solutionSeen": "solution",
  "lesson.solutionSeenTitle": "Vous avez rejoué la solution de cet exercice",
  "lesson.chapterCrumb": "{chapter} · {title} · {n}/{total}",
  "lesson.goals": "Objectifs",
  "lesson.goalsMet": "{met}/{total} atteints",
  "lesson.goalMet": "atteint",
  "lesson.goalUnmet": "pas encore atteint",
  "lesson.expected": "Attendu",
  "lesson.found": "Constaté",
  "lesson.hints": "Indices",
  "lesson.showHint": "Afficher un indice",
  "lesson.nextHint": "Afficher l'indice {n} sur {total}",
  "lesson.showSolution": "Voir la solution…",
  "lesson.solutionConfirm":
    "Rejouer la solution de référence ? L'exercice repart de son état initial, et les fichiers de la solution remplacent les vôtres dans l'éditeur.",
  "lesson.solutionYes": "Rejouer la solution",
  "lesson.cancel": "Annuler",
  "lesson.solutionStep": "Solution en cours : étape {step} sur {total}",
  "lesson.stop": "Arrêter",
  "lesson.reset": "Recommencer l'exercice",
  "lesson.resetTitle":
    "Reprendre cet exercice depuis le début : son état initial et ses fichiers de départ",
  "lesson.solved": "Tous les objectifs sont atteints",
  "lesson.learned": "Ce que vous avez appris",
  "lesson.nextExercise": "Exercice suivant",
  "lesson.exerciseNav": "Exercices",
  "lesson.previous": "Précédent",
  "lesson.next": "Suivant",
  "lesson.runInTerminal": "Exécuter dans le terminal",
  "lesson.runCommand": "Exécuter {command} dans le terminal",

  "progress.title": "Votre progression",
  "progress.export": "Exporter la progression",
  "progress.import": "Importer une progression…",
  "progress.imported":
    "Progression importée : {done, plural, one {# exercice terminé} other {# exercices terminés}}.",
  "progress.importFailed": "Ce fichier n'a pas été importé : {reason}",
  "progress.error.tooLarge": "il est bien trop gros pour être un fichier de progression.",
  "progress.error.notJson": "ce n'est pas du JSON.",
  "progress.error.notProgress": "ce n'est pas un fichier de progression Batch Lab.",
  "progress.error.version": "c'est un fichier de progression d'une autre version ({version}).",
  "progress.error.otherPack": "il enregistre la progression d'un autre cours ({pack}).",
  "progress.error.badEntry": "l'entrée de l'exercice « {exercise} » est mal formée.",

  "travel.label": "Voyage dans le temps",
  "travel.undo": "Annuler",
  "travel.undoTitle": "Annuler la dernière modification (rejoue tout ce qui la précède)",
  "travel.redo": "Rétablir",
  "travel.redoTitle": "Rétablir ce qui a été annulé",
  "travel.rewindLabel": "Revenir au début",
  "travel.rewindTitle": "Retour au début, avant toute saisie (Rétablir le ramène)",
  "travel.start": "Début",
  "travel.jump": "Aller à",
  "travel.jumpTitle": "Avancer le temps virtuel jusqu'au prochain…",
  "travel.jumpEvent": "Prochain événement",
  "travel.jumpEventTitle": "Le prochain événement planifié (→)",
  "travel.jumpExit": "Prochaine fin de Pod",
  "travel.jumpExitTitle": "Avancer jusqu'à ce qu'un conteneur se termine",
  "travel.jumpBackoff": "Prochaine fin de back-off",
  "travel.jumpBackoffTitle": "Quand le back-off en cours se termine",
  "travel.jumpCron": "Prochain déclenchement cron",
  "travel.jumpCronTitle": "Passer à la prochaine exécution d'un CronJob",
  "events.filterLabel": "Filtrer les événements",
  "events.filterPlaceholder": "filtre : raison, objet, message",
  "events.typeLabel": "Type d'événement",
  "events.allTypes": "tous les types",
  "events.shown": "{count} affiché(s) · comme",

  "files.newTitle": "Nouveau fichier à partir d'un modèle",
  "files.new": "+ Nouveau",
  "files.renameLabel": "Nouveau nom pour {name}",
  "files.tabTitle": "kubectl apply -f {name} applique ce fichier · double-cliquez pour le renommer",
  "files.close": "Fermer {name}",
  "files.closeConfirm": "Fermer {name} ? Son texte sera supprimé.",
  "files.editCloseConfirm":
    "Fermer {name} ? L'édition est annulée et vos modifications sont perdues.",
  "files.editRename":
    "Cet onglet contient un kubectl edit : Appliquer l'enregistre, le fermer annule l'édition.",
  "files.badName":
    "Utilisez des lettres, des chiffres, « . », « - » ou « _ », avec l'extension .yaml ou .yml (sans espaces ni barres obliques).",
  "files.exists": "Il existe déjà un fichier {name}.",
  "template.job": "Job",
  "template.parallel-job": "Job parallèle",
  "template.indexed-job": "Job indexé",
  "template.work-queue-job": "Job à file de travail",
  "template.cronjob": "CronJob",
  "template.pod": "Pod",
  "template.secret": "Secret",
  "template.empty": "Fichier vide",
  "editor.format": "Formater",
  "editor.formatTitle": "Formater le document (Maj+Alt+F)",
  "editor.diff": "Diff",
  "editor.diffTitle": "Comparer avec les objets du cluster avant d'appliquer (kubectl diff)",
  "diff.label": "Diff de {file} par rapport au cluster",
  "diff.sides": "actuel (à gauche) · après Appliquer (à droite)",
  "diff.new": "sera créé",
  "diff.changed": "sera configuré",
  "diff.unchanged": "inchangé",
  "diff.error": "serait rejeté",
  "diff.loading": "Chargement…",
  "diff.close": "Fermer",
  "cron.label": "Aperçu de la planification",
  "cron.nextRuns": "Prochaines exécutions ({zone})",
  "cron.yourTime": "Votre heure ({zone})",
  "cron.hintNext": "{description} — prochains {runs}",
  "cron.warn.domDowOr":
    "Le jour du mois ({dom}) et le jour de la semaine ({dow}) sont tous deux restreints : la planification s'exécute chaque jour qui correspond à l'un OU à l'autre, pas seulement les jours qui correspondent aux deux.",
  "cron.warn.never":
    "Cette planification ne se déclenche jamais : aucune date ne correspond dans les 5 prochaines années. Kubernetes l'accepte, puis signale InvalidSchedule et ne crée aucun Job.",
  "cron.warn.dstSkip":
    "Le {day}, les horloges de {zone} sautent de {from} à {to} : {times} n'existe pas ce jour-là, donc {count, plural, =1 {cette exécution est sautée} other {ces exécutions sont sautées}}.",
  "cron.warn.dstRepeat":
    "Le {day}, les horloges de {zone} reculent de {from} à {to} : {times} a lieu deux fois, et la planification se déclenche les deux fois.",
  "cron.warn.dstShiftEarlier":
    "Le {day}, les horloges de {zone} passent de {from} à {to} : les exécutions gardent leur heure locale, elles ont donc lieu {hours, plural, one {# heure} other {# heures}} plus tôt en UTC.",
  "cron.warn.dstShiftLater":
    "Le {day}, les horloges de {zone} passent de {from} à {to} : les exécutions gardent leur heure locale, elles ont donc lieu {hours, plural, one {# heure} other {# heures}} plus tard en UTC.",
  "cron.warn.everySubMinute":
    "@every {seconds}s se déclenche plus d'une fois par minute, mais les noms de Job utilisent la minute : le CronJob crée au plus un Job par minute.",
  "cron.warn.everyIgnoresTimeZone":
    "@every compte un intervalle fixe depuis la dernière exécution : le fuseau horaire (et l'heure d'été) n'a aucun effet.",

  "cluster.views": "Vue",
  "cluster.viewCanvas": "Canevas",
  "cluster.viewTable": "Tableau",
  "cluster.viewTimeline": "Chronologie",
  "cluster.pastBanner":
    "Le cluster est affiché tel qu'il était à l'instant choisi — il continue de tourner pendant ce temps.",
  "nodes.label": "Nœuds",
  "nodes.title":
    "{name} : {state}, {count, plural, one {# Pod actif} other {# Pods actifs}} — cliquez pour l'inspecter ou le marquer NotReady",
  "nodes.slowTitle":
    "Panne déterministe : le téléchargement des images prend 10 fois plus de temps (lab fault slow-pulls)",
  "nodes.slow": "pulls lents",
  "tick.created": "créé",
  "tick.skipped": "sauté (Forbid)",
  "tick.replaced": "remplacé",
  "tick.missed": "manqué",
  "tick.next": "prochain",
  "tick.label": "Déclenchements de {name}",

  "table.name": "Nom",
  "table.schedule": "Planification",
  "table.suspend": "Suspendu",
  "table.active": "Actifs",
  "table.lastSchedule": "Dernière exécution",
  "table.status": "Statut",
  "table.completions": "Complétions",
  "table.failed": "Échecs / backoffLimit",
  "table.restarts": "Redémarrages",
  "table.node": "Nœud",
  "table.index": "Index",
  "table.age": "Âge",

  "seg.scheduling": "planification",
  "seg.creating": "création",
  "seg.pull": "pull",
  "seg.running": "en cours",
  "seg.crashloop": "back-off",
  "seg.waiting-error": "en attente",
  "seg.terminating": "arrêt",
  "seg.succeeded": "terminé",
  "seg.failed": "échoué",
  "state.scheduling": "planification",
  "state.creating": "création",
  "state.pull": "pull",
  "state.running": "en cours",
  "state.crashloop": "back-off",
  "state.waiting-error": "en attente",
  "state.terminating": "arrêt",
  "state.succeeded": "terminé",
  "state.failed": "échoué",
  "gantt.backoff": "back-off {seconds} s",
  "gantt.deleted": "supprimé",
  "gantt.restart": "redémarrage {count}",
  "gantt.exit": "sortie {code}",
  "gantt.exitKilled": "sortie {code} (tué)",
  "gantt.ttlDeletion": "suppression TTL",
  "gantt.jobDeleted": "Job supprimé",
  "gantt.pull": "pull",
  "grid.unscheduled": "non planifié",
  "grid.capped":
    "Les {shown} Pods les plus récents sur {count} ; la légende les compte tous, la vue Tableau les liste tous.",
  "timeline.markAt": "{label} à {time}",
  "timeline.exit": ", code de sortie {code}",
  "timeline.restarts": ", {count, plural, one {# redémarrage} other {# redémarrages}}",
  "timeline.waited": ", attente {gap}",
  "timeline.gapTitle": "{gap} : le contrôleur de Job a attendu avant de créer ce Pod",
  "timeline.pendingTitle": "{gap} : aucun Pod avant {time}",
  "timeline.jobPods": "Pods du Job {name} au fil du temps",
  "timeline.scrubLabel": "Afficher le cluster à l'instant",
  "timeline.previewing": "Aperçu de {time} — revenir au direct",
  "timeline.hint":
    "{count, plural, one {# Pod} other {# Pods}} · faites glisser pour revoir le passé",
  "timeline.hiddenJobs":
    "{count, plural, one {# Job plus ancien non affiché} other {# Jobs plus anciens non affichés}}",
  "timeline.hiddenRows":
    "{count, plural, one {# Pod plus ancien non affiché} other {# Pods plus anciens non affichés}} (la vue Tableau liste tous les Pods)",
  "timeline.tickTitle": "{time} {kind}",
  "timeline.nextTick": "prochain déclenchement {time}",

  "insp.copied": "Copié",
  "insp.copy": "Copier {what}",
  "insp.nothing": "(rien)",
  "insp.docs": "Documentation Kubernetes : {field}",
  "insp.faults": "Provoquer une panne",
  "insp.deletePod": "Supprimer le Pod",
  "insp.killPod": "Tuer les conteneurs (exit 137)",
  "insp.nextRuns1": "les",
  "insp.nextRuns2": "prochaines exécutions",
  "insp.exit": "code de sortie",
  "insp.makeFail": "Les faire échouer",
  "insp.markNotReady": "Marquer NotReady",
  "insp.markReady": "Marquer Ready",
  "insp.nodeNote":
    "Simplifié : le nœud est marqué NotReady immédiatement (un vrai cluster attend environ 40 s de heartbeats manqués), et son kubelet effectue encore l'éviction ; les Pods sont évincés après leur tolerationSeconds (300 s par défaut).",
  "insp.label": "Inspecteur : {kind} {name}",
  "insp.gone": "disparu",
  "insp.close": "Fermer l'inspecteur",
  "insp.views": "Vues",
  "insp.tabWhy": "Pourquoi",
  "insp.tabYaml": "YAML",
  "insp.tabDescribe": "Describe",
  "insp.tabLogs": "Logs",
  "insp.tabEvents": "Événements",
  "insp.nowNote":
    "YAML, describe, logs et événements montrent le cluster actuel, pas l'instant prévisualisé.",
  "insp.noLonger": "Il n'existe plus.",
  "insp.container": "conteneur",
  "insp.previous": "exécution précédente",
  "insp.outYaml": "YAML",
  "insp.outDescribe": "sortie de describe",
  "insp.outLogs": "logs",
  "insp.outEvents": "événements",

  "editor.problems": "Problèmes",
  "editor.severity.error": "erreur",
  "editor.severity.warning": "avertissement",
  "editor.severity.info": "info",
  "editor.where": "Ln {line}, Col {column}",
  "job.inspectTitle": "Pourquoi fait-il cela ? Inspecter YAML, describe, événements, pannes",
  "pod.indexTitle": "index de complétion",
  "pod.onNode": "Pods sur {node}",
  "pod.gridOnNode": "{label} sur {node}",
  "why.job.backoffOnFailure":
    "les redémarrages de conteneur ont atteint backoffLimit {limit} (restartPolicy OnFailure) : le Job a échoué (BackoffLimitExceeded)",
  "why.job.backoffExceeded":
    "{failed, plural, one {# échec} other {# échecs}} > backoffLimit {limit} : le Job a échoué (BackoffLimitExceeded)",
  "why.job.deadlineExceeded":
    "actif plus longtemps que activeDeadlineSeconds {deadline} : le Job a échoué (DeadlineExceeded)",
  "why.job.complete": "{succeeded} réussis = completions {completions} : Job terminé",
  "why.job.completeQueue":
    "un Pod a réussi et aucun n'est actif (pas de completions) : Job terminé",
  "why.job.podFailurePolicy": "{message} : le Job a échoué",
  "why.job.condition": "{type} : {reason} — {message}",
  "why.job.waitTerminating":
    "attente de la fin {count, plural, one {du # Pod en arrêt} other {des # Pods en arrêt}} avant la condition finale",
  "why.job.failedStay":
    "{count, plural, one {le # Pod en échec reste} other {les # Pods en échec restent}} pour leurs logs",
  "why.job.ttl": "ttlSecondsAfterFinished {ttl} : supprimé avec ses Pods dans {seconds} s",
  "why.job.suspended":
    "suspend: true — aucun Pod ne tourne ; la reprise relance le délai (deadline)",
  "why.job.queueDone":
    "un Pod a réussi (file de travail, pas de completions) : pas de nouveau Pod ; le Job se termine quand {active, plural, one {le # Pod actif finit} other {les # Pods actifs finissent}}",
  "why.job.enoughParallelism":
    "{active, plural, one {# Pod actif} other {# Pods actifs}} = parallelism {parallelism} : pas de nouveau Pod",
  "why.job.enoughCompletions":
    "{active, plural, one {# Pod actif} other {# Pods actifs}} = completions {completions} − {succeeded} réussis = {remaining} : pas de nouveau Pod",
  "why.job.backoff":
    "prochain Pod autorisé dans {seconds} s (back-off de {delay} s après {failures, plural, one {# échec} other {# échecs}})",
  "why.job.createParallelism":
    "{active} actifs < parallelism {parallelism} : création de {count, plural, one {# Pod} other {# Pods}}",
  "why.job.createCompletions":
    "{active} actifs < completions {completions} − {succeeded} réussis = {remaining} : création de {count, plural, one {# Pod} other {# Pods}}",
  "why.job.progress": "{succeeded} réussis sur completions {completions}",
  "why.job.progressIndexed": "{succeeded} réussis sur completions {completions} (index {indexes})",
  "why.job.progressIndexedNone": "{succeeded} réussis sur completions {completions} (aucun index)",
  "why.job.uncounted":
    "{count, plural, one {# Pod terminé pas encore compté} other {# Pods terminés pas encore comptés}} : le contrôleur se synchronise 1 s après chaque changement de Pod",
  "why.job.restarts":
    "{restarts, plural, one {# redémarrage de conteneur} other {# redémarrages de conteneur}} ; backoffLimit {limit} : le Job échoue quand les redémarrages atteignent {reach} (restartPolicy OnFailure)",
  "why.job.failures":
    "{failed, plural, one {# échec} other {# échecs}} ≤ backoffLimit {limit} : encore {left, plural, =1 {# échec fait} other {# échecs font}} échouer le Job",
  "why.job.noFailures": "aucun échec pour l'instant ; backoffLimit {limit}",
  "why.job.crashLoop":
    "le Pod {pod} redémarre son conteneur dans {seconds} s (CrashLoopBackOff de {delay} s après {restarts, plural, one {# redémarrage} other {# redémarrages}})",
  "why.job.imagePull":
    "le Pod {pod} est bloqué en {reason} : il n'échoue jamais de lui-même — seuls activeDeadlineSeconds ou une suppression y mettent fin",
  "why.job.deadline":
    "activeDeadlineSeconds {deadline} : le Job échoue dans {seconds} s s'il n'a pas fini",
  "why.cron.suspended":
    "suspend: true — aucun Job n'est créé ; à la reprise, seul le dernier déclenchement manqué s'exécute",
  "why.cron.next": "prochain déclenchement {time} {zone} (dans {seconds} s) : crée un Job",
  "why.cron.nextForbid":
    "prochain déclenchement {time} {zone} (dans {seconds} s) : sera sauté si le Job {job} est encore actif (concurrencyPolicy Forbid)",
  "why.cron.nextReplace":
    "prochain déclenchement {time} {zone} (dans {seconds} s) : supprime le Job {job} et en crée un nouveau (concurrencyPolicy Replace)",
  "why.cron.skipped":
    "déclenchement {time} sauté : concurrencyPolicy Forbid et le Job {job} est encore actif",
  "why.cron.skippedPrevious":
    "déclenchement {time} sauté : concurrencyPolicy Forbid et le Job précédent est encore actif",
  "why.cron.replaced":
    "déclenchement {time} : le Job encore en cours a été supprimé et {job} créé (concurrencyPolicy Replace)",
  "why.cron.missedSuspended": "déclenchement {time} manqué : le CronJob est suspendu",
  "why.cron.missedDeadline":
    "déclenchement {time} manqué : pas démarré dans le délai startingDeadlineSeconds {deadline}",
  "why.cron.missed": "déclenchement {time} manqué",
  "why.cron.created": "déclenchement {time} : Job {job} créé",
  "why.cron.active":
    "{count, plural, one {# Job actif} other {# Jobs actifs}} ({names}) ; concurrencyPolicy {policy}",
  "why.cron.history":
    "historique : garde {keepOk} réussis ({hasOk} présents) et {keepFailed} en échec ({hasFailed} présents) ; les plus anciens sont supprimés",
  "why.cron.startingDeadline":
    "startingDeadlineSeconds {deadline} : un déclenchement non démarré dans ce délai est sauté sans bruit",
};

export default fr;
