€
d9d691a173d442b4defense-ministers-call`at an entertainment venue outside Moscow nearly two weeks ago in which more than 140 people died"î(2
attack‡attack:V
/touched on the war in Ukraine and the terroristW†"unknown:touched*touched0XjRussiajwarj	terrorismjUkraineuÍÌL?zspeaker_cue_that‚whosaid-0.1.0’+
False *https://x.example2X:õ€¢Ø
7a445103ad0c043bdefense-ministers-call=as France prepares to host the Olympic Games starting in July"¡Ş(2
fears› fear:È
:came with the attack at Crocus City Hall reviving securityàš"Bunknown:came-with-the-attack-at-crocus-city-hall-reviving-security*:came with the attack at Crocus City Hall reviving security0X
jsportsjFranceuÍÌL?zspeaker_cue_that‚whosaid-0.1.0·
25b0b172a04a8a7fdefense-ministers-call³Lecornu told Shoigu that France was always ready to face down terrorism and was prepared for "increased exchanges with the aim of fighting this threat as effectively as possible,""ó¦(2
saidËÏsay:n
#a French Defense Ministry statement§Ê""government:french-defense-ministry*French Defense Ministry0Xj	terrorismjFrancejdefenseuš™Y?zcontent_speaker_cue‚whosaid-0.1.0